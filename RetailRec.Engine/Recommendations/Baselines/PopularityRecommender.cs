using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Recommendations.Common;

namespace RetailRec.Engine.Recommendations.Baselines;

/// <summary>
/// Global popularity: the number of distinct customers who bought the item in the last <paramref name="windowDays"/>
/// days of training (null = all history). Recent windows track seasonality (this retailer's Christmas peak).
/// All-time popularity, scaled below 1, breaks ties so rarely-bought items still get a stable order.
/// </summary>
public sealed class PopularityRecommender(int? windowDays = 30) : IRecommender
{
    private float[] _scores = [];
    private int[] _windowCustomers = [];

    public string Name => "Popular";
    public int? WindowDays => windowDays;

    /// <summary>Distinct buyers of each item in the window (public: other models use popularity as a fallback).</summary>
    public IReadOnlyList<int> WindowCustomers => _windowCustomers;

    public void Fit(RetailLog train, IProgress<double>? progress, CancellationToken ct)
    {
        var end = TrainingCatalogue.ReferenceTime(train);
        // An empty training log has no reference time (MinValue): then every line is in the window.
        var from = windowDays is { } d && end > DateTime.MinValue.AddDays(d) ? end.AddDays(-d) : DateTime.MinValue;
        var window = DistinctBuyers(train, b => b.Time > from);
        var allTime = DistinctBuyers(train, _ => true);
        var maxAll = allTime.Length == 0 ? 0 : allTime.Max();
        _windowCustomers = window;
        _scores = new float[train.ItemCount];
        for (var i = 0; i < _scores.Length; i++) _scores[i] = window[i] + allTime[i] / (maxAll + 1f);
        progress?.Report(1);
    }

    public void Score(int customer, Span<float> scores) => _scores.CopyTo(scores);

    public string Explain(int customer, int item) =>
        windowDays is { } d ? $"popular: bought by {_windowCustomers[item]} customers in the last {d} days"
                            : $"popular: bought by {_windowCustomers[item]} customers";

    internal static int[] DistinctBuyers(RetailLog log, Func<Basket, bool> include)
    {
        var counts = new int[log.ItemCount];
        var seen = new HashSet<(int, int)>();
        foreach (var b in log.Baskets)
        {
            if (!include(b)) continue;
            foreach (var i in b.Items)
                if (seen.Add((b.Customer, i))) counts[i]++;
        }
        return counts;
    }
}
