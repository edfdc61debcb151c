using RetailRec.Engine.Neural.Autodiff;
using RetailRec.Engine.Neural.Models;
using RetailRec.Engine.Neural.Optim;
using RetailRec.Engine.Neural.Tensors;

namespace RetailRec.Engine.Neural.Autoencoder;

public sealed record AutoencoderOptions
{
    public int HiddenUnits { get; init; } = 32;
    public int Epochs { get; init; } = 150;
    public int BatchSize { get; init; } = 256;
    public float LearningRate { get; init; } = 3e-3f;
    public float WeightDecay { get; init; } = 1e-4f;
}

/// <summary>Result of <see cref="CustomerAutoencoder.Fit"/>: the bottleneck embedding per row and the loss per epoch.</summary>
public sealed record AutoencoderResult(float[,] Embedding, double[] EpochLoss);

/// <summary>
/// A small MLP autoencoder for customer feature rows: d -> hidden -> k (linear bottleneck) -> hidden -> d, tanh
/// hidden layers, mean squared reconstruction error, AdamW on seeded mini-batches. Columns are z-scored first (a no-op
/// for already standardised input, a safeguard otherwise; constant columns become 0). The bottleneck coordinates are
/// a non-linear alternative to PCA scores, e.g. for KMeans segmentation.
/// </summary>
public static class CustomerAutoencoder
{
    public static float[,] FitTransform(float[,] features, int embeddingDim, int seed, AutoencoderOptions? options = null,
        CancellationToken ct = default) => Fit(features, embeddingDim, seed, options, ct).Embedding;

    public static float[,] FitTransform(double[][] features, int embeddingDim, int seed, AutoencoderOptions? options = null,
        CancellationToken ct = default)
    {
        var rows = features.Length;
        var cols = rows == 0 ? 0 : features[0].Length;
        var m = new float[rows, cols];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < cols; c++) m[r, c] = (float)features[r][c];
        return FitTransform(m, embeddingDim, seed, options, ct);
    }

    public static AutoencoderResult Fit(float[,] features, int embeddingDim, int seed, AutoencoderOptions? options = null,
        CancellationToken ct = default)
    {
        var o = options ?? new AutoencoderOptions();
        int n = features.GetLength(0), d = features.GetLength(1);
        if (embeddingDim <= 0) throw new ArgumentOutOfRangeException(nameof(embeddingDim));
        if (n == 0 || d == 0) return new AutoencoderResult(new float[n, embeddingDim], []);
        var x = Standardise(features);
        var init = new ParameterInit(seed);
        var w1 = init.Xavier("enc1", d, o.HiddenUnits); var b1 = init.Constant("enc1.b", 0, o.HiddenUnits);
        var w2 = init.Xavier("enc2", o.HiddenUnits, embeddingDim); var b2 = init.Constant("enc2.b", 0, embeddingDim);
        var w3 = init.Xavier("dec1", embeddingDim, o.HiddenUnits); var b3 = init.Constant("dec1.b", 0, o.HiddenUnits);
        var w4 = init.Xavier("dec2", o.HiddenUnits, d); var b4 = init.Constant("dec2.b", 0, d);
        var opt = new AdamW(init.Created, weightDecay: o.WeightDecay, noDecay: p => p.Shape.Length == 1);
        var rng = new Random(seed);
        var losses = new double[o.Epochs];

        Var Encode(Tape t, Var input) => t.Add(t.MatMul(t.Tanh(t.Add(t.MatMul(input, w1), b1)), w2), b2);
        Var Decode(Tape t, Var code) => t.Add(t.MatMul(t.Tanh(t.Add(t.MatMul(code, w3), b3)), w4), b4);

        for (var epoch = 0; epoch < o.Epochs; epoch++)
        {
            ct.ThrowIfCancellationRequested();
            var order = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).ToArray();
            double sum = 0;
            for (var start = 0; start < n; start += o.BatchSize)
            {
                var rows = order.AsSpan(start, Math.Min(o.BatchSize, n - start)).ToArray();
                var batch = Tensor.Uninitialized(rows.Length, d);
                for (var r = 0; r < rows.Length; r++) x.AsSpan(rows[r] * d, d).CopyTo(batch.Span.Slice(r * d, d));
                using var tape = new Tape(training: true);
                var input = tape.Constant(batch);
                var loss = tape.MseLoss(Decode(tape, Encode(tape, input)), batch);
                tape.Backward(loss);
                GradientClipping.ClipGlobalNorm(init.Created, 5);
                opt.Step(o.LearningRate);
                opt.ZeroGrad();
                sum += loss.Value[0] * rows.Length;
            }
            losses[epoch] = sum / n;
        }

        var embedding = new float[n, embeddingDim];
        using (var tape = new Tape())
        {
            var code = Encode(tape, tape.Constant(Tensor.From(x, n, d))).Value;
            for (var r = 0; r < n; r++)
                for (var c = 0; c < embeddingDim; c++) embedding[r, c] = code[r * embeddingDim + c];
        }
        foreach (var p in init.Created) { p.Value.Dispose(); p.Grad?.Dispose(); }
        return new AutoencoderResult(embedding, losses);
    }

    /// <summary>Column z-scores as a row-major array.</summary>
    private static float[] Standardise(float[,] f)
    {
        int n = f.GetLength(0), d = f.GetLength(1);
        var x = new float[n * d];
        for (var c = 0; c < d; c++)
        {
            double mean = 0, sq = 0;
            for (var r = 0; r < n; r++) mean += f[r, c];
            mean /= n;
            for (var r = 0; r < n; r++) sq += (f[r, c] - mean) * (f[r, c] - mean);
            var sd = Math.Sqrt(sq / n);
            for (var r = 0; r < n; r++) x[r * d + c] = sd > 1e-12 ? (float)((f[r, c] - mean) / sd) : 0f;
        }
        return x;
    }
}
