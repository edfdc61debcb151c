using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Recommendations.Common;

namespace RetailRec.Engine.Recommendations.Baselines;

/// <summary>
/// Repeat-aware "buy again": personal recency-weighted frequency (as <see cref="PersonalFrequencyRecommender"/>)
/// multiplied by the item's repeat propensity^gamma, where propensity = (customers who bought it in 2+ baskets + 1) /
/// (customers who bought it + 2). Consumables (bags, cases, wraps) are re-ordered; one-off gifts rarely are, so a
/// one-off gift bought last week should not outrank a staple bought last month. Never-bought items get the same tiny
/// popularity fallback as personal frequency, and the explore part comes from <c>explore</c> (e.g. TIFU-KNN neighbours)
/// with weight <c>exploreWeight</c> on its min-max normalised scores.
/// </summary>
public sealed class RepeatPropensityRecommender(double halfLifeDays = 90, double gamma = 1, IRecommender? explore = null,
    double exploreWeight = 0) : IRecommender
{
    private readonly PersonalFrequencyRecommender _frequency = new(halfLifeDays);
    private float[] _propensity = [];
    private bool[] _rankable = [];

    public string Name => "RepeatAware";
    public string Parameters => $"halfLife={halfLifeDays};gamma={gamma};explore={explore?.Name ?? "none"}:{exploreWeight}"
                                + (explore is null ? "" : $"({explore.Parameters})");

    public void Fit(RetailLog train, IProgress<double>? progress, CancellationToken ct)
    {
        _frequency.Fit(train, null, ct);
        _rankable = TrainingCatalogue.SeenItems(train);
        var counts = CustomerItemMatrix.FromBaskets(train).Transpose();
        _propensity = new float[train.ItemCount];
        for (var i = 0; i < _propensity.Length; i++)
        {
            var v = counts.RowValues(i);
            var repeaters = 0;
            foreach (var x in v) if (x >= 2) repeaters++;
            _propensity[i] = (float)Math.Pow((repeaters + 1.0) / (v.Length + 2.0), gamma);
        }
        if (explore is not null && exploreWeight > 0) explore.Fit(train, null, ct);
        progress?.Report(1);
    }

    public float Propensity(int item) => _propensity[item];

    public void Score(int customer, Span<float> scores)
    {
        _frequency.Score(customer, scores);
        for (var i = 0; i < scores.Length; i++) if (scores[i] >= 1e-4f) scores[i] *= _propensity[i];
        if (explore is null || exploreWeight <= 0) return;
        // Scale the explore part to the customer's own top score so weights mean the same for light and heavy buyers.
        var top = 0f;
        foreach (var s in scores) top = Math.Max(top, s);
        var buf = new float[scores.Length];
        explore.Score(customer, buf);
        Hybrid.ScoreNormalization.MinMax(buf, _rankable);
        System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(buf, (float)exploreWeight * Math.Max(top, 1e-3f), scores, scores);
    }

    public string Explain(int customer, int item) =>
        _frequency.TimesBought(customer, item) > 0 || explore is null ? _frequency.Explain(customer, item) : explore.Explain(customer, item);
}
