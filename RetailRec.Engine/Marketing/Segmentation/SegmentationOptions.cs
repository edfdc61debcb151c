namespace RetailRec.Engine.Marketing.Segmentation;

/// <summary>Settings of the marketing layer; JSON-serialisable except the embedding hook inside <see cref="Clustering"/>.</summary>
public sealed record SegmentationOptions
{
    public MarketingSegmentMap SegmentMap { get; init; } = MarketingSegmentMap.Default;
    public ClusteringOptions Clustering { get; init; } = new();
    public bool RunClustering { get; init; } = true;

    /// <summary>
    /// An optional second clustering of the same customers on a learned representation (the neural engine's customer
    /// autoencoder): its <see cref="ClusteringOptions.Embedding"/> maps the standardised features to the embedding.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ClusteringOptions? EmbeddingClustering { get; init; }
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
    /// <summary>KMeans on the autoencoder embedding (with its own k choice and silhouette), when it was asked for.</summary>
    public ClusteringResult? EmbeddingClustering { get; init; }

    /// <summary>Marketing segment by dense customer index (customers without purchases are absent).</summary>
    public IReadOnlyDictionary<int, string> MarketingSegmentOf() => Segments.ToDictionary(s => s.Customer, s => s.MarketingSegment);
}
