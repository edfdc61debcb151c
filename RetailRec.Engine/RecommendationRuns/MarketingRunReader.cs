using System.Collections.Concurrent;
using RetailRec.Engine.Data.Runs;
using RetailRec.Engine.Merchandising;
using RetailRec.Engine.Segmentation;

namespace RetailRec.Engine.RecommendationRuns;

/// <summary>A customer's RFM figures and segments as a marketing run stored them (the "customers" artifact's rows).</summary>
public sealed record CustomerSegmentInfo(string CustomerId, int RecencyDays, int Frequency, double Monetary, int R, int F, int M,
    string GridSegment, string Segment, int Cluster, bool Outlier)
{
    public string RfmCode => $"{R}{F}{M}";
    public string ClusterName => SegmentSchemes.ClusterName(Cluster);
}

/// <summary>The part of a marketing run's "sellthrough" artifact the recommendation side reads.</summary>
public sealed record SellThroughView(IReadOnlyList<ItemSellThrough> Items);

/// <summary>The latest marketing run of a dataset, reduced to lookups: customer -> segment info, stock code -> class.</summary>
public sealed class MarketingSnapshot(int runId, DateTime createdAtUtc, IReadOnlyList<CustomerSegmentInfo> customers, IReadOnlyList<ItemSellThrough> items)
{
    private readonly Dictionary<string, CustomerSegmentInfo> _byCustomer = customers.GroupBy(c => c.CustomerId).ToDictionary(g => g.Key, g => g.First());
    private readonly Dictionary<string, StockClass> _classes = items.GroupBy(i => i.StockCode, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First().Class, StringComparer.OrdinalIgnoreCase);

    public int RunId => runId;
    public DateTime CreatedAtUtc => createdAtUtc;
    public bool HasSegments => _byCustomer.Count > 0;
    public bool HasSellThrough => _classes.Count > 0;

    public CustomerSegmentInfo? Customer(string customerId) => _byCustomer.GetValueOrDefault(customerId);

    public StockClass? ClassOf(string stockCode) => _classes.TryGetValue(stockCode, out var c) ? c : null;

    /// <summary>The marketing segment of each customer id (what Segment recommendations group by).</summary>
    public string? SegmentOf(string customerId) => _byCustomer.TryGetValue(customerId, out var c) ? c.Segment : null;
}

/// <summary>
/// Reads the segment assignments and sell-through classes of the newest marketing run (kind "marketing", written by
/// the marketing job). Artifact names and shapes are that job's; this reader only needs a few fields, so it keeps
/// the recommendation side independent of the marketing code. Snapshots are cached per run id.
/// </summary>
public sealed class MarketingRunReader(RunStore runs)
{
    public const string RunKind = "marketing";
    public const string CustomersArtifact = "customers";
    public const string SellThroughArtifact = "sellthrough";

    private readonly ConcurrentDictionary<int, MarketingSnapshot> _cache = new();

    public async Task<MarketingSnapshot?> LatestAsync(int datasetId, CancellationToken ct = default)
    {
        var run = await runs.LatestAsync(datasetId, RunKind, ct);
        if (run is null) return null;
        if (_cache.TryGetValue(run.Id, out var hit)) return hit;
        var customers = await runs.ArtifactAsync<List<CustomerSegmentInfo>>(run.Id, CustomersArtifact, ct) ?? [];
        var sell = await runs.ArtifactAsync<SellThroughView>(run.Id, SellThroughArtifact, ct);
        var snapshot = new MarketingSnapshot(run.Id, run.CreatedAtUtc, customers, sell?.Items ?? []);
        _cache[run.Id] = snapshot;
        return snapshot;
    }
}
