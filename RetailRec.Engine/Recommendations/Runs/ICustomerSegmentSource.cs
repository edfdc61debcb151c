namespace RetailRec.Engine.Recommendations.Runs;

/// <summary>Customer -> segment from the newest segmentation of a dataset, and the run it came from.</summary>
public sealed record CustomerSegments(int RunId, IReadOnlyDictionary<string, string> ByCustomer)
{
    // Computed once: a list control sees the same instance on every render (a new one resets its selection).
    public IReadOnlyList<string> Names { get; } = ByCustomer.Values.Distinct().Order(StringComparer.Ordinal).ToArray();

    public string? SegmentOf(string customerId) => ByCustomer.GetValueOrDefault(customerId);
}

/// <summary>
/// Where the "Segment" recommendations and campaign filters get segments from. Owned here and implemented by the
/// Marketing feature (which depends on Recommendations), so the two never reference each other both ways.
/// </summary>
public interface ICustomerSegmentSource
{
    /// <summary>Null while the dataset has no segmentation.</summary>
    Task<CustomerSegments?> LatestAsync(int datasetId, CancellationToken ct = default);
}
