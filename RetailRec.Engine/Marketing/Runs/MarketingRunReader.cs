using RetailRec.Engine.Runs;
using RetailRec.Engine.Caching;
using RetailRec.Engine.Recommendations.Runs;
using RetailRec.Engine.Marketing.Merchandising;

namespace RetailRec.Engine.Marketing.Runs;

/// <summary>The newest marketing run of a dataset, reduced to lookups: customer -> RFM and segments, stock code -> class.</summary>
public sealed class MarketingSnapshot(int runId, DateTime createdAtUtc, IReadOnlyList<CustomerRow> customers, IReadOnlyList<ItemSellThrough> items)
{
    private readonly Dictionary<string, CustomerRow> _byCustomer = customers.GroupBy(c => c.CustomerId).ToDictionary(g => g.Key, g => g.First());

    private CustomerSegments? _segments;

    /// <summary>Customer -> marketing segment, as the Recommendations and Promotions features ask for it (built once, on first use).</summary>
    public CustomerSegments Segments => _segments ??= new(runId, _byCustomer.ToDictionary(kv => kv.Key, kv => kv.Value.Segment));
    private readonly Dictionary<string, StockClass> _classes = items.GroupBy(i => i.StockCode, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First().Class, StringComparer.OrdinalIgnoreCase);

    public int RunId => runId;
    public DateTime CreatedAtUtc => createdAtUtc;
    public bool HasSegments => _byCustomer.Count > 0;
    public bool HasSellThrough => _classes.Count > 0;

    public CustomerRow? Customer(string customerId) => _byCustomer.GetValueOrDefault(customerId);

    public StockClass? ClassOf(string stockCode) => _classes.TryGetValue(stockCode, out var c) ? c : null;

    /// <summary>The marketing segment of a customer id (what Segment recommendations group by).</summary>
    public string? SegmentOf(string customerId) => _byCustomer.TryGetValue(customerId, out var c) ? c.Segment : null;
}

/// <summary>
/// Reads the segment assignments and sell-through classes the marketing job stored (its "customers" and
/// "sellthrough" artifacts) for Segment recommendations, campaign filters, Customer 360 and the segments API. Cached
/// per run id (artifacts never change once written), for a bounded number of runs.
/// </summary>
public sealed class MarketingRunReader(RunStore runs) : ICustomerSegmentSource
{
    private readonly BoundedCache<int, MarketingSnapshot> _cache = new(maxEntries: 16);

    async Task<CustomerSegments?> ICustomerSegmentSource.LatestAsync(int datasetId, CancellationToken ct) =>
        await LatestAsync(datasetId, ct) is { HasSegments: true } snapshot ? snapshot.Segments : null;

    /// <summary>Drops a deleted dataset's snapshots.</summary>
    public void Forget(IReadOnlyCollection<int> runIds) => _cache.RemoveWhere(runIds.Contains);

    internal int Cached => _cache.Count;

    public async Task<MarketingSnapshot?> LatestAsync(int datasetId, CancellationToken ct = default)
    {
        var run = await runs.LatestAsync(datasetId, MarketingJobs.Run, ct);
        if (run is null) return null;
        if (_cache.TryGet(run.Id, out var hit)) return hit;
        var customers = await runs.ArtifactAsync(run.Id, MarketingArtifacts.Customers, ct) ?? [];
        var sell = await runs.ArtifactAsync(run.Id, MarketingArtifacts.SellThrough, ct);
        var snapshot = new MarketingSnapshot(run.Id, run.CreatedAtUtc, customers, sell?.Items ?? []);
        _cache.Set(run.Id, snapshot);
        return snapshot;
    }
}
