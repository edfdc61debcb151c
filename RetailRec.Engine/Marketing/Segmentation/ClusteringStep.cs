using System.Text.Json.Serialization;

namespace RetailRec.Engine.Marketing.Segmentation;

/// <summary>
/// Clustering settings. <see cref="Embedding"/> is the hook for learned representations (e.g. an autoencoder's
/// <c>float[,] -> float[,]</c>): when set, the standardised features pass through it and clustering, DBSCAN and PCA
/// run on the embedding instead.
/// </summary>
public sealed record ClusteringOptions
{
    public KSelectionOptions KSelection { get; init; } = new();
    public KMeansOptions KMeans { get; init; } = new();
    public DbscanOptions Dbscan { get; init; } = new();
    public bool RunDbscan { get; init; } = true;

    [JsonIgnore]
    public Func<float[,], float[,]>? Embedding { get; init; }

    /// <summary>Name shown in the UI for what was clustered ("rfm+behaviour" or the embedding's name).</summary>
    public string EmbeddingName { get; init; } = "rfm+behaviour";
}

/// <summary>Everything the clustering page plots: curves, labels, outliers and the 2-D projection.</summary>
public sealed record ClusteringResult(string InputName, int Rows, int Dimensions, KSelectionResult KSelection,
    DbscanResult? Dbscan, PcaResult Pca);

/// <summary>Clusters ANY feature matrix: RFM features today, an autoencoder embedding tomorrow.</summary>
public static class ClusteringStep
{
    public static ClusteringResult Run(FeatureMatrix features, ClusteringOptions? options = null,
        IProgress<double>? progress = null, CancellationToken ct = default)
    {
        options ??= new ClusteringOptions();
        var x = options.Embedding is null ? features : FeatureMatrix.FromArray(options.Embedding(features.ToFloatArray()));
        if (x.Rows != features.Rows) throw new InvalidOperationException("the embedding must return one row per customer");

        var kProgress = progress is null ? null : new Progress<double>(p => progress.Report(0.8 * p));
        var selection = KSelection.Run(x, options.KSelection, options.KMeans, kProgress, ct);
        var dbscan = options.RunDbscan ? Dbscan.Run(x, options.Dbscan, ct) : null;
        progress?.Report(0.95);
        var pca = Pca.Fit(x, 2);
        progress?.Report(1);
        var name = options.Embedding is null ? "rfm+behaviour" : options.EmbeddingName;
        return new ClusteringResult(name, x.Rows, x.Cols, selection, dbscan, pca);
    }
}
