using System.Collections.Concurrent;
using RetailRec.Engine.Data.Runs;
using RetailRec.Engine.MarketingRuns;
using RetailRec.Engine.Merchandising;

namespace RetailRec.Engine.RecommendationRuns;

/// <summary>The newest marketing run of a dataset, reduced to lookups: customer -> RFM and segments, stock code -> class.</summary>
public sealed class MarketingSnapshot(int runId, DateTime createdAtUtc, IReadOnlyList<CustomerRow> customers, IReadOnlyList<ItemSellThrough> items)
{
    private readonly Dictionary<string, CustomerRow> _byCustomer = customers.GroupBy(c => c.CustomerId).ToDictionary(g => g.Key, g => g.First());
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
/// "sellthrough" artifacts) for Segment recommendations, Customer 360 and the segments API. Cached per run id:
/// artifacts never change once written.
/// </summary>
public sealed class MarketingRunReader(RunStore runs)
{
    private readonly ConcurrentDictionary<int, MarketingSnapshot> _cache = new();

    public async Task<MarketingSnapshot?> LatestAsync(int datasetId, CancellationToken ct = default)
    {
        var run = await runs.LatestAsync(datasetId, MarketingArtifacts.Kind, ct);
        if (run is null) return null;
        if (_cache.TryGetValue(run.Id, out var hit)) return hit;
        var customers = await runs.ArtifactAsync<List<CustomerRow>>(run.Id, MarketingArtifacts.Customers, ct) ?? [];
        var sell = await runs.ArtifactAsync<SellThroughArtifact>(run.Id, MarketingArtifacts.SellThrough, ct);
        var snapshot = new MarketingSnapshot(run.Id, run.CreatedAtUtc, customers, sell?.Items ?? []);
        _cache[run.Id] = snapshot;
        return snapshot;
    }
}
