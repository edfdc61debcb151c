using RetailRec.Engine.Data.Runs;

namespace RetailRec.Engine.PromotionRuns;

/// <summary>The two fields the campaign filter needs from a marketing run's per-customer rows (other fields are ignored).</summary>
public sealed record SegmentMembership(string CustomerId, string Segment);

/// <summary>Customer -> marketing segment from the latest marketing run of a dataset, or null when segmentation has not run.</summary>
public static class SegmentLookup
{
    public sealed record Segments(int RunId, IReadOnlyDictionary<string, string> ByCustomer)
    {
        // Computed once: a list control sees the same instance on every render (a new one resets its selection).
        public IReadOnlyList<string> Names { get; } = ByCustomer.Values.Distinct().Order(StringComparer.Ordinal).ToArray();
    }

    public static async Task<Segments?> LatestAsync(RunStore runs, int datasetId, CancellationToken ct = default)
    {
        var run = await runs.LatestAsync(datasetId, PromotionRunKinds.MarketingRun, ct);
        if (run is null) return null;
        var rows = await runs.ArtifactAsync<List<SegmentMembership>>(run.Id, PromotionRunKinds.MarketingCustomers, ct);
        if (rows is null || rows.Count == 0) return null;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in rows.Where(r => r.CustomerId is not null && r.Segment is not null)) map[r.CustomerId] = r.Segment;
        return new Segments(run.Id, map);
    }
}
