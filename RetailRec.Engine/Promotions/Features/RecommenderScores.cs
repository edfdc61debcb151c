using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Recommendations;

namespace RetailRec.Engine.Promotions.Features;

/// <summary>
/// The "recommender score" propensity feature. For each cutoff a fresh recommender (from <c>factory</c>, e.g. a
/// <see cref="Recommendation.Catalog.ModelCatalog"/> family) is fitted on the baskets strictly before it, every customer who
/// had bought by then gets the full catalogue scored once, and each registered item's rank r (0 = the customer's top
/// item) becomes 1 / log2(2 + r), the DCG discount. Ranks rather than raw scores, because the catalogue's models score on
/// unrelated scales (counts, cosines, regression outputs). Tables are cached per cutoff: a campaign asks for three
/// (training, calibration and scoring), a backtest for one.
/// </summary>
public sealed class RecommenderScores
{
    private readonly RetailLog _log;
    private readonly Func<IRecommender> _factory;
    private readonly CancellationToken _ct;
    private readonly int[] _items;
    private readonly Dictionary<int, int> _slot = [];
    private readonly Dictionary<DateTime, float[]> _tables = [];

    public string ModelName { get; }

    /// <param name="items">The items features will be asked for; scores are kept only for these.</param>
    public RecommenderScores(RetailLog log, Func<IRecommender> factory, IEnumerable<int> items, CancellationToken ct = default)
    {
        _log = log; _factory = factory; _ct = ct;
        _items = items.Distinct().ToArray();
        for (var k = 0; k < _items.Length; k++) _slot[_items[k]] = k;
        ModelName = factory().Name;
    }

    /// <summary>The feature of (customer, item) for a model that may only know baskets before <paramref name="cutoff"/>.</summary>
    public double At(DateTime cutoff, int customer, int item)
    {
        if (!_slot.TryGetValue(item, out var k))
            throw new ArgumentException($"item {_log.ItemCodes[item]} was not registered for recommender scores", nameof(item));
        if (!_tables.TryGetValue(cutoff, out var table)) _tables[cutoff] = table = Build(cutoff);
        return table[customer * _items.Length + k];
    }

    private float[] Build(DateTime cutoff)
    {
        var train = _log.Before(cutoff);
        var model = _factory();
        model.Fit(train, null, _ct);
        var table = new float[_log.CustomerCount * _items.Length];
        var seen = new bool[_log.CustomerCount];
        foreach (var b in train.Baskets) seen[b.Customer] = true;
        var scores = new float[_log.ItemCount];
        var sorted = new float[_log.ItemCount];
        for (var c = 0; c < seen.Length; c++)
        {
            // A customer with no baskets before the cutoff has no personal ranking; the feature stays 0.
            if (!seen[c]) continue;
            if ((c & 255) == 0) _ct.ThrowIfCancellationRequested();
            model.Score(c, scores);
            scores.CopyTo(sorted, 0);
            Array.Sort(sorted);
            for (var k = 0; k < _items.Length; k++)
            {
                var rank = sorted.Length - UpperBound(sorted, scores[_items[k]]); // items scored strictly higher
                table[c * _items.Length + k] = (float)(1 / Math.Log2(2 + rank));
            }
        }
        return table;
    }

    /// <summary>Index of the first element greater than <paramref name="value"/> in an ascending array.</summary>
    private static int UpperBound(float[] sorted, float value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
