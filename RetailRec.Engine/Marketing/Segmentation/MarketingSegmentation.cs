using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Engine.Marketing.Segmentation;

/// <summary>The marketing layer in one call: RFM, quintile scores, both segment maps, clustering, profiles, top items.</summary>
public static class MarketingSegmentation
{
    public static SegmentationResult Run(RetailLog log, DateTime analysisDate, SegmentationOptions? options = null,
        IProgress<double>? progress = null, CancellationToken ct = default, StageTimer? timer = null)
    {
        options ??= new SegmentationOptions();
        timer ??= new StageTimer();
        var customers = timer.Measure("rfm", () => CustomerFeatureCalculator.Compute(log, analysisDate));
        var (scores, grid, marketing) = timer.Measure("rfm_scores_and_maps", () =>
        {
            var s = RfmScoring.Score(customers);
            var g = s.Select(RfSegmentGrid.Classify).ToArray();
            return (s, g, g.Select(options.SegmentMap.Map).ToArray());
        });
        ct.ThrowIfCancellationRequested();

        ClusteringResult? clustering = null, embedded = null;
        if (options.RunClustering && customers.Count >= 3)
        {
            var features = ClusteringFeatures.Build(customers);
            var share = options.EmbeddingClustering is null ? 0.8 : 0.45;
            var clusterProgress = progress is null ? null : new Progress<double>(p => progress.Report(0.1 + share * p));
            clustering = timer.Measure("clustering", () => ClusteringStep.Run(features, options.Clustering, clusterProgress, ct));
            if (options.EmbeddingClustering is { Embedding: not null } embedding)
            {
                var embedProgress = progress is null ? null : new Progress<double>(p => progress.Report(0.55 + 0.35 * p));
                embedded = timer.Measure("embedding_clustering", () => ClusteringStep.Run(features, embedding, embedProgress, ct));
            }
        }

        var segments = new CustomerSegment[customers.Count];
        for (var i = 0; i < segments.Length; i++)
        {
            var label = clustering?.KSelection.Best.Labels[i] ?? -1;
            var outlier = clustering?.Dbscan?.IsOutlier(i) ?? false;
            var pc = clustering?.Pca.Projection[i];
            segments[i] = new CustomerSegment(customers[i].Customer, customers[i].CustomerId, scores[i], grid[i], marketing[i],
                label, outlier, pc is { Length: > 0 } ? pc[0] : 0, pc is { Length: > 1 } ? pc[1] : 0);
        }

        var (profiles, topItems) = timer.Measure("profiles_and_top_items", () => Profile(log, analysisDate, options, customers, grid, marketing, segments, clustering));
        progress?.Report(1);
        return new SegmentationResult(analysisDate, customers, segments, clustering, profiles, topItems) { EmbeddingClustering = embedded };
    }

    private static (List<SegmentProfile>, List<SegmentTopItem>) Profile(RetailLog log, DateTime analysisDate, SegmentationOptions options,
        IReadOnlyList<CustomerFeatures> customers, string[] grid, string[] marketing, CustomerSegment[] segments, ClusteringResult? clustering)
    {
        var profiles = new List<SegmentProfile>();
        profiles.AddRange(SegmentProfiler.Profiles(SegmentSchemes.Grid, customers, grid, RfSegmentGrid.Segments, options.Actions));
        profiles.AddRange(SegmentProfiler.Profiles(SegmentSchemes.Marketing, customers, marketing, MarketingSegmentMap.Segments, options.Actions));
        var topItems = new List<SegmentTopItem>();
        topItems.AddRange(SegmentProfiler.TopItems(SegmentSchemes.Grid, log, analysisDate,
            segments.ToDictionary(s => s.Customer, s => s.GridSegment), options.TopItemsPerSegment));
        topItems.AddRange(SegmentProfiler.TopItems(SegmentSchemes.Marketing, log, analysisDate,
            segments.ToDictionary(s => s.Customer, s => s.MarketingSegment), options.TopItemsPerSegment));
        if (clustering is not null)
        {
            var clusterNames = segments.Select(s => SegmentSchemes.ClusterName(s.Cluster)).ToArray();
            var order = Enumerable.Range(0, clustering.KSelection.BestK).Select(SegmentSchemes.ClusterName).ToArray();
            profiles.AddRange(SegmentProfiler.Profiles(SegmentSchemes.Cluster, customers, clusterNames, order, options.Actions));
            topItems.AddRange(SegmentProfiler.TopItems(SegmentSchemes.Cluster, log, analysisDate,
                segments.ToDictionary(s => s.Customer, s => SegmentSchemes.ClusterName(s.Cluster)), options.TopItemsPerSegment));
        }
        return (profiles, topItems);
    }
}
