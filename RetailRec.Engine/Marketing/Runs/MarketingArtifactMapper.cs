using RetailRec.Engine.Marketing.Merchandising;
using RetailRec.Engine.Marketing.Segmentation;
using RetailRec.Engine.Runs;

namespace RetailRec.Engine.Marketing.Runs;

/// <summary>Turns a <see cref="MarketingResult"/> into the small page-shaped artifacts a run stores.</summary>
public static class MarketingArtifactMapper
{
    public const int SamplesPerSegment = 8;
    private const int MaxCurvePoints = 300;

    public static RunArtifacts Map(MarketingResult r, StockArtifact? stock)
    {
        var s = r.Segmentation;
        var customers = s.Segments.Select((seg, i) =>
        {
            var f = s.Customers[i];
            return new CustomerRow(seg.CustomerId, f.RecencyDays, f.Frequency, Math.Round(f.Monetary, 2), seg.Scores.R, seg.Scores.F,
                seg.Scores.M, seg.GridSegment, seg.MarketingSegment, seg.Cluster, seg.IsOutlier, Math.Round(seg.Pc1, 4), Math.Round(seg.Pc2, 4));
        }).ToList();

        var artifacts = new RunArtifacts()
            .Add(MarketingArtifacts.Customers, customers)
            .Add(MarketingArtifacts.Profiles, s.Profiles.ToList())
            .Add(MarketingArtifacts.TopItems, s.TopItems.ToList())
            .Add(MarketingArtifacts.SellThrough, new SellThroughArtifact(r.SellThrough.AnalysisDate, r.SellThrough.Options.WindowDays,
                r.SellThrough.FastThreshold, r.SellThrough.Items.Any(i => i.OnHand is not null), r.SellThrough.Items))
            .Add(MarketingArtifacts.Strategies, r.Strategies.ToList())
            .Add(MarketingArtifacts.StrategyItems, StrategyItems(r, customers))
            .Add(MarketingArtifacts.Audit, r.Audit.ToList())
            .AddIfNotNull(MarketingArtifacts.TradeOff, r.TradeOff);
        if (s.Clustering is { } c) artifacts.Add(MarketingArtifacts.Clustering, Clustering(c));
        if (s.EmbeddingClustering is { } e)
            artifacts.Add(MarketingArtifacts.AutoencoderClustering, Clustering(e)).Add(MarketingArtifacts.AutoencoderPoints, EmbeddingPoints(s, e));
        if (stock is not null)
        {
            var matched = r.SellThrough.Items.Count(i => i.OnHand is not null);
            artifacts.Add(MarketingArtifacts.Stock, stock with { UnknownCodes = Math.Max(0, stock.Rows - matched) });
        }
        return artifacts;
    }

    public static MarketingRunSummary Summary(MarketingResult r, int? previousRunId, string? stockFileName) => new(
        r.AnalysisDate, r.Relevance, r.Segmentation.Customers.Count, r.SellThrough.Items.Count, r.StrategyItems.Count,
        r.Segmentation.Clustering?.KSelection.BestK, r.Audit.Count(a => a.Drift), previousRunId, r.SellThrough.Options.WindowDays,
        r.SellThrough.FastThreshold, stockFileName, r.Warnings, r.Timings);

    private static ClusteringArtifact Clustering(ClusteringResult c)
    {
        DbscanArtifact? db = c.Dbscan is { } d
            ? new DbscanArtifact(d.Eps, d.MinPoints, d.EpsFromKnee, d.ClusterCount, d.NoiseCount, Thin(d.KDistanceCurve, MaxCurvePoints))
            : null;
        // Loadings are only meaningful against named features; a learned embedding has anonymous dimensions.
        var names = c.Dimensions == ClusteringFeatures.Names.Length ? ClusteringFeatures.Names : [];
        return new ClusteringArtifact(c.InputName, c.Rows, c.Dimensions, c.KSelection.BestK, c.KSelection.ElbowK, c.KSelection.Curve,
            c.KSelection.SilhouetteSampled, c.KSelection.SilhouetteRows, db, c.Pca.ExplainedVarianceRatio, names, c.Pca.Components);
    }

    /// <summary>The embedding's projection and cluster per customer, evenly thinned to what a scatter can show.</summary>
    private static List<EmbeddingPoint> EmbeddingPoints(SegmentationResult s, ClusteringResult e)
    {
        const int max = 4000;
        var n = Math.Min(s.Segments.Count, e.Rows);
        var step = Math.Max(1, (n + max - 1) / max);
        var points = new List<EmbeddingPoint>();
        for (var i = 0; i < n; i += step)
        {
            var pc = e.Pca.Projection[i];
            points.Add(new EmbeddingPoint(s.Segments[i].CustomerId, pc.Length > 0 ? pc[0] : 0, pc.Length > 1 ? pc[1] : 0, e.KSelection.Best.Labels[i]));
        }
        return points;
    }

    /// <summary>Evenly spaced points of a sorted curve, always keeping both ends (the knee plot needs its shape, not every point).</summary>
    public static IReadOnlyList<double> Thin(IReadOnlyList<double> curve, int max)
    {
        if (curve.Count <= max) return curve;
        return Enumerable.Range(0, max).Select(i => curve[(int)Math.Round(i * (curve.Count - 1) / (double)(max - 1))]).ToArray();
    }

    private static StrategyItemsArtifact StrategyItems(MarketingResult r, IReadOnlyList<CustomerRow> customers)
    {
        var byId = customers.ToDictionary(c => c.CustomerId);
        var lists = r.StrategyItems.GroupBy(i => i.CustomerId).ToDictionary(g => g.Key, g => g.OrderBy(i => i.Rank).ToList());
        var samples = new List<StrategySample>();
        foreach (var segment in customers.GroupBy(c => c.Segment).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            // Evenly spaced along monetary value, so the preview shows the segment's big and small spenders alike.
            var ranked = segment.Where(c => lists.ContainsKey(c.CustomerId))
                .OrderByDescending(c => c.Monetary).ThenBy(c => c.CustomerId, StringComparer.Ordinal).ToList();
            var picks = ranked.Count <= SamplesPerSegment ? ranked
                : Enumerable.Range(0, SamplesPerSegment).Select(i => ranked[i * (ranked.Count - 1) / (SamplesPerSegment - 1)]).Distinct().ToList();
            foreach (var c in picks)
            {
                var items = lists[c.CustomerId];
                samples.Add(new StrategySample(segment.Key, items[0].Strategy, c.CustomerId, byId[c.CustomerId].RecencyDays,
                    c.Frequency, c.Monetary,
                    items.Select(i => new SampleItem(i.Rank, i.StockCode, i.Description, i.Source, i.Class, Math.Round(i.Score, 5))).ToList()));
            }
        }
        var sources = r.StrategyItems.GroupBy(i => (i.Strategy, i.Source, i.Class))
            .Select(g => new SourceCount(g.Key.Strategy, g.Key.Source, g.Key.Class, g.Count()))
            .OrderBy(x => x.Strategy, StringComparer.Ordinal).ThenBy(x => x.Source).ThenBy(x => x.Class).ToList();
        return new StrategyItemsArtifact(samples, sources, r.StrategyItems.Count);
    }
}
