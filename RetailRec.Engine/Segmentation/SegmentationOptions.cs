namespace RetailRec.Engine.Segmentation;

/// <summary>Settings of the marketing layer; JSON-serialisable except the embedding hook inside <see cref="Clustering"/>.</summary>
public sealed record SegmentationOptions
{
    public MarketingSegmentMap SegmentMap { get; init; } = MarketingSegmentMap.Default;
    public ClusteringOptions Clustering { get; init; } = new();
    public bool RunClustering { get; init; } = true;
    public int TopItemsPerSegment { get; init; } = 10;

    /// <summary>User-edited action texts by segment name; missing segments keep <see cref="SegmentActions.Defaults"/>.</summary>
    public IReadOnlyDictionary<string, string>? Actions { get; init; }
}

/// <summary>The marketing layer's output: features, segment memberships, clustering, profiles and top items.</summary>
public sealed record SegmentationResult(
    DateTime AnalysisDate,
    IReadOnlyList<CustomerFeatures> Customers,
    IReadOnlyList<CustomerSegment> Segments,
    ClusteringResult? Clustering,
    IReadOnlyList<SegmentProfile> Profiles,
    IReadOnlyList<SegmentTopItem> TopItems)
{
    /// <summary>Marketing segment by dense customer index (customers without purchases are absent).</summary>
    public IReadOnlyDictionary<int, string> MarketingSegmentOf() => Segments.ToDictionary(s => s.Customer, s => s.MarketingSegment);
}
