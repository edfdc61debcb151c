namespace RetailRec.Engine.Datasets.RetailLogs;

/// <summary>
/// The cleaned, indexed view of one dataset that every analytic (segments, recommenders, sell-through,
/// promotions) works on. Customers, items and baskets are dense 0-based indexes so models can use arrays.
/// Lines and baskets are sorted by time (ties keep file order).
/// </summary>
public sealed class RetailLog
{
    public required string[] CustomerIds { get; init; }
    public required string[] CustomerCountries { get; init; }
    public required string[] ItemCodes { get; init; }
    public required string[] ItemDescriptions { get; init; }
    public required SaleLine[] Lines { get; init; }
    public required Basket[] Baskets { get; init; }
    public required ReturnLine[] Returns { get; init; }

    public int CustomerCount => CustomerIds.Length;
    public int ItemCount => ItemCodes.Length;

    public DateTime FirstTime => Lines.Length == 0 ? DateTime.MinValue : Lines[0].Time;
    public DateTime LastTime => Lines.Length == 0 ? DateTime.MinValue : Lines[^1].Time;

    /// <summary>Default analysis date: the day after the last invoice (docs/DEFINITIONS.md).</summary>
    public DateTime DefaultAnalysisDate => LastTime.Date.AddDays(1);

    private Dictionary<string, int>? _itemIndex;
    private Dictionary<string, int>? _customerIndex;

    public int? ItemIndexOf(string stockCode)
    {
        // A log is shared between jobs (DatasetLoader caches it), so the lazy indexes are published thread-safely.
        var index = LazyInitializer.EnsureInitialized(ref _itemIndex,
            () => ItemCodes.Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i, StringComparer.OrdinalIgnoreCase));
        return index.TryGetValue(stockCode, out var i) ? i : null;
    }

    public int? CustomerIndexOf(string customerId)
    {
        var index = LazyInitializer.EnsureInitialized(ref _customerIndex,
            () => CustomerIds.Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i, StringComparer.Ordinal));
        return index.TryGetValue(customerId, out var i) ? i : null;
    }

    /// <summary>Baskets of each customer, in time order.</summary>
    public int[][] BasketsByCustomer()
    {
        var lists = new List<int>[CustomerCount];
        for (var c = 0; c < lists.Length; c++) lists[c] = [];
        foreach (var b in Baskets) lists[b.Customer].Add(b.Index);
        return lists.Select(l => l.ToArray()).ToArray();
    }
}
