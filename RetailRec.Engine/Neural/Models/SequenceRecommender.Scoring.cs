using System.Globalization;
using RetailRec.Engine.Recommendations.Evaluation;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Neural.Autodiff;
using RetailRec.Engine.Neural.Kernels;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace RetailRec.Engine.Neural.Models;

public abstract partial class SequenceRecommender
{
    private const int ValidationChunk = 256;
    private static readonly double[] BlendGrid = [0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99];
    private static readonly float[] DecayGrid = [0.5f, 0.7f, 0.8f, 0.9f, 0.95f, 1f];
    private RetailLog? _log;
    private CustomerSequences? _data;
    private float[] _lastHidden = [];

    internal void Attach(RetailLog train, CustomerSequences data)
    {
        _log = train;
        _data = data;
    }

    /// <summary>Encodes every customer's full training sequence once; <see cref="Score"/> is then one GEMV.</summary>
    internal void PrepareScoring() => _lastHidden = LastHidden(_data!.Full);

    /// <summary>The hidden state at the newest position of each sequence, [n, D] row-major.</summary>
    public float[] LastHidden(IReadOnlyList<CustomerSequence> seqs)
    {
        var net = Net ?? throw new InvalidOperationException("the model is not trained");
        var d = Options.Hidden;
        var l = Options.MaxLength;
        var result = new float[seqs.Count * d];
        for (var start = 0; start < seqs.Count; start += Options.BatchSize)
        {
            var chunk = seqs.Skip(start).Take(Options.BatchSize).ToArray();
            var batch = SequenceBatcher.Inference(chunk, l);
            using var tape = new Tape(training: false);
            var h = net.Forward(tape, batch).Value.Span;
            for (var s = 0; s < chunk.Length; s++) h.Slice((s * l + l - 1) * d, d).CopyTo(result.AsSpan((start + s) * d, d));
        }
        return result;
    }

    /// <summary>Validation NDCG@10 of the pure model (weight 0) or of blends with the personal distribution.</summary>
    public double[] ValidationNdcg(params double[] blendWeights) =>
        ValidationNdcg(blendWeights.Select(w => (w, RecencyDecay)).ToArray());

    /// <summary>Validation NDCG@10 for each (blend weight, per-basket recency decay) setting; one encoder pass for all.</summary>
    public double[] ValidationNdcg((double Weight, float Decay)[] settings)
    {
        var blendWeights = settings.Select(s => s.Weight).ToArray();
        var data = _data!;
        var net = Net!;
        var v = net.ItemEmbedding.Shape[0];
        var d = Options.Hidden;
        var customers = data.ValidationCustomers;
        if (customers.Length == 0) return blendWeights.Select(_ => 0.0).ToArray();
        var hidden = LastHidden(customers.Select(c => data.Fitting[c]).ToArray());
        var perCustomer = new double[customers.Length][];
        var logits = new float[ValidationChunk * v];
        for (var start = 0; start < customers.Length; start += ValidationChunk)
        {
            var n = Math.Min(ValidationChunk, customers.Length - start);
            Gemm.Sgemm(false, true, n, v, d, hidden.AsSpan(start * d, n * d), net.ItemEmbedding.Value.Span, logits.AsSpan(0, n * v));
            var offset = start;
            FusedSoftmaxCrossEntropy.RowsParallel(n, r =>
            {
                var c = customers[offset + r];
                var targets = new HashSet<int>(data.ValidationTargets[offset + r]);
                var row = logits.AsSpan(r * v, v);
                var scores = new float[v];
                var result = new double[blendWeights.Length];
                for (var k = 0; k < blendWeights.Length; k++)
                {
                    Blend(row, Personal(data.Fitting[c], settings[k].Decay), blendWeights[k], scores);
                    result[k] = RankingMetrics.NdcgAt(TopK.Select(scores, 10), targets, 10);
                }
                perCustomer[offset + r] = result;
            });
        }
        return blendWeights.Select((_, k) => perCustomer.Average(r => r[k])).ToArray();
    }

    private double ValidationNdcg(int blendIndex) => ValidationNdcg(0.0)[blendIndex];

    /// <summary>Grid search of blend weight and recency decay on the validation baskets (never on test data).</summary>
    private (double Weight, double Ndcg) TuneBlend()
    {
        var settings = DecayGrid.SelectMany(d => BlendGrid.Select(w => (w, d))).ToArray();
        var ndcgs = ValidationNdcg(settings);
        var best = 0;
        for (var k = 1; k < ndcgs.Length; k++) if (ndcgs[k] > ndcgs[best]) best = k;
        RecencyDecay = settings[best].d;
        return (settings[best].w, ndcgs[best]);
    }

    /// <summary>(1 - w) softmax(logits) + w personal; w = 0 keeps the raw logits (same ranking, no exp).</summary>
    private static void Blend(ReadOnlySpan<float> logits, Dictionary<int, float> personal, double w, Span<float> dst)
    {
        if (w <= 0) { logits.CopyTo(dst); return; }
        TensorPrimitives.SoftMax(logits, dst);
        TensorPrimitives.Multiply(dst, (float)(1 - w), dst);
        foreach (var (item, q) in personal) dst[item] += (float)(w * q);
    }

    /// <summary>The customer's own purchase distribution, each basket weighted by decay^(baskets since).</summary>
    public Dictionary<int, float> Personal(CustomerSequence seq) => Personal(seq, RecencyDecay);

    private static Dictionary<int, float> Personal(CustomerSequence seq, float decay)
    {
        var weights = new Dictionary<int, float>();
        double total = 0;
        for (var b = 0; b < seq.Baskets.Length; b++)
        {
            var w = (float)Math.Pow(decay, seq.Baskets.Length - 1 - b);
            foreach (var item in seq.Baskets[b].Distinct())
            {
                weights[item] = weights.GetValueOrDefault(item) + w;
                total += w;
            }
        }
        foreach (var k in weights.Keys.ToArray()) weights[k] = (float)(weights[k] / total);
        return weights;
    }

    public void Score(int customer, Span<float> scores)
    {
        var net = Net ?? throw new InvalidOperationException("the model is not trained");
        var d = Options.Hidden;
        var v = net.ItemEmbedding.Shape[0];
        if (scores.Length != v) throw new ArgumentException("scores must have one entry per item");
        var buffer = new float[v];
        Gemm.Sgemm(false, true, 1, v, d, _lastHidden.AsSpan(customer * d, d), net.ItemEmbedding.Value.Span, buffer, threads: 1);
        Blend(buffer, Personal(_data!.Full[customer]), UseBlend ? BlendWeight : 0, scores);
    }

    public string Explain(int customer, int item)
    {
        var bought = _data?.Full[customer].Baskets.Count(b => b.Contains(item)) ?? 0;
        var code = _log?.ItemCodes[item] ?? item.ToString(CultureInfo.InvariantCulture);
        return bought > 0
            ? $"{Name}: {code} was in {bought} of this customer's baskets and fits their recent sequence"
            : $"{Name}: {code} typically follows this customer's recent purchases";
    }
}
