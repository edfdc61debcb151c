using RetailRec.Engine.Recommendations.Evaluation;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Recommendations;
using RetailRec.Engine.Marketing.Segmentation;

namespace RetailRec.Engine.Marketing.Merchandising;

/// <summary>Sweep settings: the holdout is the last <see cref="HoldoutDays"/> days before the analysis date.</summary>
public sealed record TradeOffOptions
{
    public bool Enabled { get; init; } = true;
    public int HoldoutDays { get; init; } = 30;
    public int K { get; init; } = 10;
    /// <summary>Slow-share levels pinned as both band ends. With K = 10, steps of 0.1 are the exactly reachable ones.</summary>
    public IReadOnlyList<double> Levels { get; init; } = [0, 0.1, 0.2, 0.3, 0.4, 0.5];
}

/// <summary>One point of the curve: the slow share asked for, the share delivered, and holdout relevance.</summary>
public sealed record TradeOffPoint(double TargetSlowShare, double DeliveredSlowShare, double DeliveredDeadShare,
    double RecallAtK, double NdcgAtK, int Customers, int K);

/// <summary>The curve plus the unconstrained model's own figures on the same customers as the reference.</summary>
public sealed record TradeOffResult(DateTime Cutoff, DateTime AnalysisDate, string Relevance, int EvaluatedCustomers,
    double ModelRecallAtK, double ModelNdcgAtK, double ModelSlowShare, IReadOnlyList<TradeOffPoint> Points);

/// <summary>
/// Relevance cost of pushing slow stock. Everything that shapes the lists (segments, sell-through classes,
/// familiarity, segment favourites, the relevance model) is computed on the log strictly before the cutoff;
/// targets are the distinct items each customer bought from the cutoff to the analysis date. Each segment keeps its
/// strategy's sources, with the list length set to K and the slow band pinned to the level being measured.
/// </summary>
public static class TradeOffSweep
{
    public static TradeOffResult Run(RetailLog log, DateTime analysisDate, TradeOffOptions options, SegmentationOptions segmentation,
        SellThroughOptions sellThrough, IReadOnlyList<MerchandisingStrategy>? strategies, Func<IRecommender> relevanceFactory,
        IProgress<double>? progress = null, CancellationToken ct = default)
    {
        var cutoff = analysisDate.AddDays(-options.HoldoutDays);
        var train = log.Before(cutoff);
        var segments = MarketingSegmentation.Run(train, cutoff, segmentation with { RunClustering = false, TopItemsPerSegment = 1 }, ct: ct);
        var classes = SellThroughCalculator.Compute(train, cutoff, sellThrough);
        var relevance = relevanceFactory();
        relevance.Fit(train, null, ct);
        var history = CustomerHistory.Build(train, cutoff);
        var favourites = StrategyItemGenerator.FavouritesBySegment(train, segments);
        var builder = new StrategyListBuilder(classes.Classes(), classes.NeverSoldFlags());
        var cls = classes.Classes();

        var targets = new Dictionary<int, HashSet<int>>();
        foreach (var b in log.Baskets)
            if (b.Time >= cutoff && b.Time < analysisDate)
                foreach (var i in b.Items) (targets.TryGetValue(b.Customer, out var t) ? t : targets[b.Customer] = []).Add(i);

        var evaluated = segments.Segments.Where(s => targets.ContainsKey(s.Customer)).ToList();
        var k = options.K;
        var acc = new (double Recall, double Ndcg, long Slow, long Dead, long Slots)[options.Levels.Count];
        double modelRecall = 0, modelNdcg = 0;
        long modelSlow = 0, modelSlots = 0;
        var scores = new float[log.ItemCount];
        for (var c = 0; c < evaluated.Count; c++)
        {
            if ((c & 127) == 0) { ct.ThrowIfCancellationRequested(); progress?.Report(c / (double)Math.Max(1, evaluated.Count)); }
            var seg = evaluated[c];
            var truth = targets[seg.Customer];
            relevance.Score(seg.Customer, scores);
            var plain = TopK.Select(scores, k);
            modelRecall += RankingMetrics.RecallAt(plain, truth, k);
            modelNdcg += RankingMetrics.NdcgAt(plain, truth, k);
            modelSlow += plain.Count(i => cls[i] != StockClass.Fast);
            modelSlots += plain.Length;

            var baseStrategy = DefaultStrategies.For(seg.MarketingSegment, strategies);
            var fav = favourites.TryGetValue(seg.MarketingSegment, out var f) ? f : [];
            for (var l = 0; l < options.Levels.Count; l++)
            {
                var level = options.Levels[l];
                var strategy = baseStrategy with { ListLength = k, MinSlowShare = level, MaxSlowShare = level };
                var ranked = builder.Build(strategy, scores, history.Familiar(seg.Customer), history.Bought(seg.Customer), fav)
                    .Select(p => p.Item).ToArray();
                acc[l].Recall += RankingMetrics.RecallAt(ranked, truth, k);
                acc[l].Ndcg += RankingMetrics.NdcgAt(ranked, truth, k);
                acc[l].Slow += ranked.Count(i => cls[i] != StockClass.Fast);
                acc[l].Dead += ranked.Count(i => cls[i] == StockClass.Dead);
                acc[l].Slots += ranked.Length;
            }
        }
        progress?.Report(1);
        var n = Math.Max(1, evaluated.Count);
        var points = options.Levels.Select((level, l) => new TradeOffPoint(level,
            acc[l].Slots == 0 ? 0 : acc[l].Slow / (double)acc[l].Slots, acc[l].Slots == 0 ? 0 : acc[l].Dead / (double)acc[l].Slots,
            acc[l].Recall / n, acc[l].Ndcg / n, evaluated.Count, k)).ToList();
        return new TradeOffResult(cutoff, analysisDate, relevance.Name, evaluated.Count, modelRecall / n, modelNdcg / n,
            modelSlots == 0 ? 0 : modelSlow / (double)modelSlots, points);
    }
}
