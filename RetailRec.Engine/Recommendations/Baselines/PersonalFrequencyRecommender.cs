using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Recommendations.Common;

namespace RetailRec.Engine.Recommendations.Baselines;

/// <summary>
/// "Buy again": each past basket containing the item adds 0.5^(age / half-life), age measured in days back from the
/// end of training, so an item bought five times last month outranks one bought five times a year ago.
/// Items the customer never bought get a popularity score scaled far below one recent purchase, so the list is
/// "your regulars first, then what is popular" (the usual form of this baseline; without it most of the catalogue ties).
/// </summary>
public sealed class PersonalFrequencyRecommender(double halfLifeDays = 90, int popularityWindowDays = 30) : IRecommender
{
    // Recency weights are floored at MinWeight and the popularity fallback stays below FallbackScale < MinWeight,
    // so any personal purchase, however old, outranks every never-bought item.
    private const float MinWeight = 1e-4f;
    private const float FallbackScale = 1e-5f;
    private CustomerItemMatrix _weighted = null!;
    private CustomerItemMatrix _counts = null!;
    private readonly PopularityRecommender _popular = new(popularityWindowDays);
    private float[] _fallback = [];

    public string Name => "PersonalFrequency";
    public double HalfLifeDays => halfLifeDays;

    public void Fit(RetailLog train, IProgress<double>? progress, CancellationToken ct)
    {
        var end = TrainingCatalogue.ReferenceTime(train);
        _weighted = CustomerItemMatrix.FromBaskets(train, b => RecencyWeight(end, b.Time, halfLifeDays));
        _counts = CustomerItemMatrix.FromBaskets(train);
        _popular.Fit(train, null, ct);
        _fallback = new float[train.ItemCount];
        _popular.Score(0, _fallback);
        var max = _fallback.Length == 0 ? 0 : _fallback.Max();
        for (var i = 0; i < _fallback.Length; i++) _fallback[i] = max > 0 ? _fallback[i] / max * FallbackScale : 0;
        progress?.Report(1);
    }

    public static float RecencyWeight(DateTime end, DateTime time, double halfLifeDays) =>
        Math.Max(MinWeight, (float)Math.Pow(0.5, Math.Max(0, (end - time).TotalDays) / halfLifeDays));

    public void Score(int customer, Span<float> scores)
    {
        _fallback.CopyTo(scores);
        if (customer < 0 || customer >= _weighted.Rows) return;
        var items = _weighted.RowItems(customer);
        var values = _weighted.RowValues(customer);
        for (var k = 0; k < items.Length; k++) scores[items[k]] += values[k];
    }

    /// <summary>How many baskets of this customer held the item in training.</summary>
    public int TimesBought(int customer, int item) =>
        customer >= 0 && customer < _counts.Rows ? (int)_counts.Get(customer, item) : 0;

    public string Explain(int customer, int item)
    {
        var n = TimesBought(customer, item);
        return n switch
        {
            0 => _popular.Explain(customer, item),
            1 => "you bought this once",
            _ => $"you bought this {n} times",
        };
    }
}
