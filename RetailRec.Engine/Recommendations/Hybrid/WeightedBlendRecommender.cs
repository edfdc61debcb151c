using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Recommendations.Baselines;
using RetailRec.Engine.Recommendations.Common;

namespace RetailRec.Engine.Recommendations.Hybrid;

/// <summary>One member of a blend.</summary>
public sealed record BlendPart(IRecommender Model, double Weight);

/// <summary>
/// Weighted blend of any recommenders: each part's scores are min-max normalised per customer over the training
/// catalogue, then summed with the part weights. Customers without training history (cold start) get popularity.
/// Pass <c>partsFitted: true</c> to blend models that are already trained on the same view (weight tuning).
/// </summary>
public sealed class WeightedBlendRecommender(string name, IReadOnlyList<BlendPart> parts, bool partsFitted = false) : IRecommender
{
    private readonly PopularityRecommender _cold = new(30);
    private bool[] _rankable = [];
    private bool[] _hasHistory = [];

    public string Name => name;
    public IReadOnlyList<BlendPart> Parts => parts;
    public string Parameters => string.Join(";", parts.Select(p => $"{p.Model.Name}={p.Weight:0.###}"));

    public void Fit(RetailLog train, IProgress<double>? progress, CancellationToken ct)
    {
        _rankable = TrainingCatalogue.SeenItems(train);
        _hasHistory = new bool[train.CustomerCount];
        foreach (var b in train.Baskets) _hasHistory[b.Customer] = true;
        _cold.Fit(train, null, ct);
        if (partsFitted) return;
        for (var k = 0; k < parts.Count; k++)
        {
            parts[k].Model.Fit(train, null, ct);
            progress?.Report((k + 1.0) / parts.Count);
        }
    }

    public bool IsCold(int customer) => customer < 0 || customer >= _hasHistory.Length || !_hasHistory[customer];

    public void Score(int customer, Span<float> scores)
    {
        if (IsCold(customer)) { _cold.Score(customer, scores); return; }
        scores.Clear();
        var buf = new float[scores.Length];
        foreach (var part in parts)
        {
            if (part.Weight == 0) continue;
            part.Model.Score(customer, buf);
            ScoreNormalization.MinMax(buf, _rankable);
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(buf, (float)part.Weight, scores, scores);
        }
    }

    /// <summary>The part contributing most to this item explains it.</summary>
    public string Explain(int customer, int item)
    {
        if (IsCold(customer)) return _cold.Explain(customer, item);
        return DominantPart(customer, item)?.Explain(customer, item) ?? Name;
    }

    public IRecommender? DominantPart(int customer, int item)
    {
        IRecommender? best = null; var bestV = 0f;
        var buf = new float[_rankable.Length];
        foreach (var part in parts)
        {
            part.Model.Score(customer, buf);
            ScoreNormalization.MinMax(buf, _rankable);
            var v = (float)part.Weight * buf[item];
            if (v > bestV) { bestV = v; best = part.Model; }
        }
        return best;
    }
}
