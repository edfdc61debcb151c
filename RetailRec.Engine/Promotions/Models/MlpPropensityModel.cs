using RetailRec.Engine.Neural.Autodiff;
using RetailRec.Engine.Neural.Models;
using RetailRec.Engine.Neural.Optim;
using RetailRec.Engine.Neural.Tensors;

namespace RetailRec.Engine.Promotions.Models;

public sealed record MlpOptions
{
    public int HiddenUnits { get; init; } = 16;
    public int Epochs { get; init; } = 8;

    /// <summary>Small training sets get more epochs so that at least this many AdamW steps are taken.</summary>
    public int MinSteps { get; init; } = 1500;

    public int BatchSize { get; init; } = 256;
    public float LearningRate { get; init; } = 5e-3f;
    public float WeightDecay { get; init; } = 1e-4f;
    public int Seed { get; init; } = 17;
}

/// <summary>
/// The non-linear propensity model: standardised features (same <see cref="Standardizer"/> as the logistic model),
/// one ReLU hidden layer, one sigmoid output unit. It can learn interactions (e.g. "re-buys this item" only matters
/// for recent customers) that a logistic regression cannot express, at the cost of not explaining itself.
/// Loss: exact sample-weighted binary cross-entropy on the logit z, written with existing tape ops: z [b,1] times the
/// constant [0, 1] gives the logit pair [0, z], whose log-softmax is [log(1 - sigmoid z), log sigmoid z]; the
/// label-and-weight matrix w * [1 - y, y] picks the right term. Trained with AdamW on seeded mini-batches, so the same
/// seed gives the same weights.
/// </summary>
public sealed class MlpPropensityModel : IPropensityModel
{
    private readonly float[] _w1, _b1, _w2; // [width, hidden], [hidden], [hidden]
    private readonly float _b2;
    private readonly int _hidden;

    public Standardizer Standardizer { get; }
    public double[] EpochLoss { get; }
    public string Name => "MLP (neural)";

    private MlpPropensityModel(Standardizer s, float[] w1, float[] b1, float[] w2, float b2, double[] epochLoss)
    {
        Standardizer = s; _w1 = w1; _b1 = b1; _w2 = w2; _b2 = b2; _hidden = b1.Length; EpochLoss = epochLoss;
    }

    /// <param name="values">Row-major rows of <paramref name="width"/> raw features.</param>
    /// <param name="labels">1 = bought, 0 = did not.</param>
    /// <param name="sampleWeights">Optional per-row weights (e.g. to undo negative subsampling).</param>
    public static MlpPropensityModel Fit(double[] values, int width, IReadOnlyList<byte> labels, double[]? sampleWeights = null,
        MlpOptions? options = null, CancellationToken ct = default)
    {
        var o = options ?? new MlpOptions();
        var n = values.Length / width;
        if (labels.Count != n) throw new ArgumentException("one label per row");
        var s = Standardizer.Fit(values, width);
        var x = new float[n * width];
        var z = new double[width];
        for (var r = 0; r < n; r++)
        {
            s.Apply(values.AsSpan(r * width, width), z);
            for (var k = 0; k < width; k++) x[r * width + k] = (float)z[k];
        }

        var init = new ParameterInit(o.Seed);
        var w1 = init.Xavier("hidden", width, o.HiddenUnits); var b1 = init.Constant("hidden.b", 0, o.HiddenUnits);
        var w2 = init.Xavier("out", o.HiddenUnits, 1); var b2 = init.Constant("out.b", 0, 1);
        var opt = new AdamW(init.Created, weightDecay: o.WeightDecay, noDecay: p => p.Shape.Length == 1);
        var rng = new Random(o.Seed);
        var batchesPerEpoch = Math.Max(1, (n + o.BatchSize - 1) / o.BatchSize);
        var epochs = n == 0 ? 0 : Math.Max(o.Epochs, (o.MinSteps + batchesPerEpoch - 1) / batchesPerEpoch);
        var losses = new double[epochs];
        var order = Enumerable.Range(0, n).ToArray();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            ct.ThrowIfCancellationRequested();
            rng.Shuffle(order);
            double sum = 0, weightSum = 0;
            for (var start = 0; start < n; start += o.BatchSize)
            {
                var rows = Math.Min(o.BatchSize, n - start);
                var batch = Tensor.Uninitialized(rows, width);
                var pick = Tensor.Uninitialized(rows, 2); // w * [1 - y, y], scaled so the batch loss is a weighted mean
                double batchWeight = 0;
                for (var r = 0; r < rows; r++) batchWeight += sampleWeights?[order[start + r]] ?? 1.0;
                for (var r = 0; r < rows; r++)
                {
                    var row = order[start + r];
                    x.AsSpan(row * width, width).CopyTo(batch.Span.Slice(r * width, width));
                    var w = (float)((sampleWeights?[row] ?? 1.0) / batchWeight);
                    pick[2 * r] = labels[row] == 1 ? 0 : -w;
                    pick[2 * r + 1] = labels[row] == 1 ? -w : 0;
                }
                using var tape = new Tape(training: true);
                var logit = Logit(tape, tape.Constant(batch), w1, b1, w2, b2);
                var pair = tape.MatMul(logit, tape.Constant(Tensor.From([0f, 1f], 1, 2)));
                var loss = tape.Sum(tape.Mul(tape.LogSoftmax(pair), tape.Constant(pick)));
                tape.Backward(loss);
                GradientClipping.ClipGlobalNorm(init.Created, 5);
                opt.Step(o.LearningRate);
                opt.ZeroGrad();
                sum += loss.Value[0] * batchWeight;
                weightSum += batchWeight;
            }
            losses[epoch] = sum / weightSum;
        }
        var model = new MlpPropensityModel(s, w1.Value.Span.ToArray(), b1.Value.Span.ToArray(), w2.Value.Span.ToArray(), b2.Value[0], losses);
        foreach (var p in init.Created) { p.Value.Dispose(); p.Grad?.Dispose(); }
        return model;
    }

    private static Var Logit(Tape t, Var input, Var w1, Var b1, Var w2, Var b2) =>
        t.Add(t.MatMul(t.Relu(t.Add(t.MatMul(input, w1), b1)), w2), b2);

    /// <summary>Plain double forward pass: scoring one row needs no tape, so it is cheap to call per customer.</summary>
    public double LogOdds(ReadOnlySpan<double> x)
    {
        var width = Standardizer.Mean.Length;
        Span<double> h = _hidden <= 256 ? stackalloc double[_hidden] : new double[_hidden];
        for (var j = 0; j < _hidden; j++) h[j] = _b1[j];
        for (var k = 0; k < width; k++)
        {
            var zk = (x[k] - Standardizer.Mean[k]) / Standardizer.Scale[k];
            var row = _w1.AsSpan(k * _hidden, _hidden);
            for (var j = 0; j < _hidden; j++) h[j] += zk * row[j];
        }
        double logit = _b2;
        for (var j = 0; j < _hidden; j++) logit += Math.Max(0, h[j]) * _w2[j];
        return logit;
    }

    public double Predict(ReadOnlySpan<double> x) => LogisticRegression.Sigmoid(LogOdds(x));

    /// <summary>
    /// Occlusion: the drop in log-odds when one feature is set to its training mean and the others are kept. An MLP has
    /// no per-feature weights, so this is the closest honest analogue of the logistic model's contributions (for a
    /// linear model the two coincide exactly).
    /// </summary>
    public double[] Contributions(ReadOnlySpan<double> x)
    {
        var full = LogOdds(x);
        var probe = x.ToArray();
        var c = new double[probe.Length];
        for (var k = 0; k < probe.Length; k++)
        {
            var keep = probe[k];
            probe[k] = Standardizer.Mean[k];
            c[k] = full - LogOdds(probe);
            probe[k] = keep;
        }
        return c;
    }
}
