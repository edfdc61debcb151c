using System.Text.Json.Serialization;
using RetailRec.Engine.Marketing.Merchandising;
using RetailRec.Engine.Marketing.Segmentation;
using RetailRec.Engine.Runs;

namespace RetailRec.Engine.Marketing.Runs;

/// <summary>
/// A marketing run's stored artifacts, by typed key. Each is shaped for the page that reads it, so a page loads a few
/// hundred kilobytes of JSON at most instead of the whole <see cref="MarketingResult"/>.
/// </summary>
public static class MarketingArtifacts
{
    public static readonly ArtifactKey<List<CustomerRow>> Customers = new("customers");
    public static readonly ArtifactKey<List<SegmentProfile>> Profiles = new("profiles");
    public static readonly ArtifactKey<List<SegmentTopItem>> TopItems = new("topitems");
    public static readonly ArtifactKey<ClusteringArtifact> Clustering = new("clustering");
    /// <summary>KMeans on the customer autoencoder's embedding: curves plus a capped set of projected points.</summary>
    public static readonly ArtifactKey<ClusteringArtifact> AutoencoderClustering = new("clustering-autoencoder");
    public static readonly ArtifactKey<List<EmbeddingPoint>> AutoencoderPoints = new("clustering-autoencoder-points");
    public static readonly ArtifactKey<SellThroughArtifact> SellThrough = new("sellthrough");
    public static readonly ArtifactKey<List<MerchandisingStrategy>> Strategies = new("strategies");
    public static readonly ArtifactKey<StrategyItemsArtifact> StrategyItems = new("strategyitems");
    public static readonly ArtifactKey<List<StrategyAuditRow>> Audit = new("audit");
    public static readonly ArtifactKey<TradeOffResult> TradeOff = new("tradeoff");
    public static readonly ArtifactKey<StockArtifact> Stock = new("stock");
}

/// <summary>The run's headline (stored as the run summary): what the lists and pickers show without loading artifacts.</summary>
public sealed record MarketingRunSummary(DateTime AnalysisDate, string Relevance, int Customers, int Items, int StrategyItems,
    int? BestK, int DriftingStrategies, int? PreviousRunId, int WindowDays, double FastThreshold, string? StockFileName,
    IReadOnlyList<string> Warnings, IReadOnlyList<StageTiming> Timings);

/// <summary>One customer: RFM, scores, every segment membership and the PCA position (the Segments page's table and scatters).</summary>
public sealed record CustomerRow(string CustomerId, int RecencyDays, int Frequency, double Monetary, int R, int F, int M,
    string GridSegment, string Segment, int Cluster, bool Outlier, double Pc1, double Pc2)
{
    [JsonIgnore] public string RfmCode => $"{R}{F}{M}";
    [JsonIgnore] public string ClusterName => SegmentSchemes.ClusterName(Cluster);
}

/// <summary>Curves and parameters of the clustering step; per-customer labels live in <see cref="CustomerRow"/>.</summary>
public sealed record ClusteringArtifact(string InputName, int Rows, int Dimensions, int BestK, int ElbowK,
    IReadOnlyList<KCurvePoint> Curve, bool SilhouetteSampled, int SilhouetteRows, DbscanArtifact? Dbscan,
    double[] ExplainedVariance, IReadOnlyList<string> FeatureNames, double[][] Components);

/// <summary>One customer in the autoencoder clustering's 2-D projection (at most a few thousand are stored).</summary>
public sealed record EmbeddingPoint(string CustomerId, double X, double Y, int Cluster);

/// <summary>DBSCAN's parameters and outcome; the k-distance curve is thinned to a few hundred points for the knee plot.</summary>
public sealed record DbscanArtifact(double Eps, int MinPoints, bool EpsFromKnee, int Clusters, int Noise, IReadOnlyList<double> KDistanceCurve);

public sealed record SellThroughArtifact(DateTime AnalysisDate, int WindowDays, double FastThreshold, bool HasStock,
    IReadOnlyList<ItemSellThrough> Items);

/// <summary>The lists of a few sample customers per segment, and where every slot of every list came from.</summary>
public sealed record StrategyItemsArtifact(IReadOnlyList<StrategySample> Samples, IReadOnlyList<SourceCount> Sources, int TotalItems);

public sealed record StrategySample(string Segment, string Strategy, string CustomerId, int RecencyDays, int Frequency, double Monetary,
    IReadOnlyList<SampleItem> Items);

public sealed record SampleItem(int Rank, string StockCode, string Description, PickSource Source, StockClass Class, double Score);

public sealed record SourceCount(string Strategy, PickSource Source, StockClass Class, int Count);

/// <summary>The stock file a run used: how many rows were accepted, the first issues, and codes missing from the dataset.</summary>
public sealed record StockArtifact(string FileName, int Rows, int IssueCount, IReadOnlyList<StockFileIssue> Issues, int UnknownCodes);
