using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Recommendations;
using RetailRec.Engine.Recommendations.Baselines;
using RetailRec.Engine.Marketing.Segmentation;

namespace RetailRec.Engine.Marketing.Merchandising;

/// <summary>
/// The one entry point for the marketing + business job: segmentation, clustering, sell-through, strategy lists,
/// audit and the trade-off sweep. The relevance model is built by <c>relevanceFactory</c> because it is fitted twice:
/// on the pre-cutoff log for the sweep and on the full log for the lists. Null = PersonalFrequencyRecommender
/// (the customer's own repeat purchases, then recent popularity).
/// </summary>
public static class MarketingPipeline
{
    public static MarketingResult Run(RetailLog log, MarketingOptions? options = null, Func<IRecommender>? relevanceFactory = null,
        IProgress<(double Fraction, string Stage)>? progress = null, CancellationToken ct = default)
    {
        options ??= new MarketingOptions();
        relevanceFactory ??= () => new PersonalFrequencyRecommender();
        var date = options.AnalysisDate ?? log.DefaultAnalysisDate;
        var timer = new StageTimer();
        var warnings = new List<string>();

        var strategies = MarketingSegmentMap.Segments.Select(s => DefaultStrategies.For(s, options.Strategies))
            .Concat(options.Strategies ?? []).DistinctBy(s => s.Name).ToList();
        foreach (var s in strategies)
            foreach (var e in s.Validate()) warnings.Add($"strategy '{s.Name}': {e}");
        if (warnings.Count > 0) throw new ArgumentException(string.Join("; ", warnings), nameof(options));

        if (log.Lines.Length == 0)
            warnings.Add("not enough data for segments, clustering, sell-through, strategy lists and the trade-off curve: the dataset has no " +
                         "purchases by known customers (cancellations, returns, zero quantities and lines without a customer id are not purchases)");

        progress?.Report((0, "segmentation"));
        var segProgress = progress is null ? null : new Progress<double>(p => progress.Report((0.4 * p, "segmentation")));
        var segmentation = MarketingSegmentation.Run(log, date, options.Segmentation, segProgress, ct, timer);
        if (segmentation.Clustering is null && options.Segmentation.RunClustering && log.Lines.Length > 0)
            warnings.Add($"not enough data for clustering: {segmentation.Customers.Count} customer(s) with purchases, at least 3 needed");
        if (segmentation.Clustering?.KSelection is { SilhouetteSampled: true } ks)
            warnings.Add($"silhouette measured on a seeded sample of {ks.SilhouetteRows} customers (exact is O(n^2))");

        progress?.Report((0.4, "sell-through"));
        var sellThrough = timer.Measure("sell_through", () => SellThroughCalculator.Compute(log, date, options.SellThrough, options.Stock));
        var unknown = StockJoin.UnknownCodes(log, options.Stock);
        if (unknown.Count > 0) warnings.Add($"{unknown.Count} stock-file codes are not in the dataset (e.g. {string.Join(", ", unknown.Take(5))})");

        IReadOnlyList<UserStrategyItem> items = [];
        IReadOnlyList<StrategyAuditRow> audit = [];
        var relevanceName = "";
        if (options.GenerateStrategyItems)
        {
            progress?.Report((0.45, "strategy lists"));
            var relevance = timer.Measure("relevance_fit", () =>
            {
                var r = relevanceFactory();
                r.Fit(log.Before(date), null, ct);
                return r;
            });
            relevanceName = relevance.Name;
            items = timer.Measure("strategy_lists", () => StrategyItemGenerator.Generate(log, segmentation.Segments, sellThrough, strategies,
                relevance, CustomerHistory.Build(log, date), StrategyItemGenerator.FavouritesBySegment(log, segmentation), null, ct));
            audit = timer.Measure("audit", () => StrategyAudit.Run(items, strategies, options.PreviousAudit));
        }

        TradeOffResult? tradeOff = null;
        if (options.TradeOff.Enabled && TradeOffDataProblem(log, date, options.TradeOff) is { } tooLittle)
        {
            if (log.Lines.Length > 0) warnings.Add("not enough data for the trade-off curve: " + tooLittle);
        }
        else if (options.TradeOff.Enabled)
        {
            progress?.Report((0.6, "trade-off sweep"));
            var sweepProgress = progress is null ? null : new Progress<double>(p => progress.Report((0.6 + 0.4 * p, "trade-off sweep")));
            tradeOff = timer.Measure("trade_off_sweep", () => TradeOffSweep.Run(log, date, options.TradeOff, options.Segmentation,
                options.SellThrough, strategies, relevanceFactory, sweepProgress, ct));
            if (relevanceName.Length == 0) relevanceName = tradeOff.Relevance;
        }
        progress?.Report((1, "done"));
        return new MarketingResult(date, relevanceName, segmentation, sellThrough, strategies, items, audit, tradeOff, timer.Timings, warnings);
    }

    /// <summary>
    /// The sweep fits on the purchases before (analysis date - holdout) and scores the holdout after it: both must
    /// hold purchases, and the cutoff must be a real date. Null when the sweep can run.
    /// </summary>
    private static string? TradeOffDataProblem(RetailLog log, DateTime date, TradeOffOptions options)
    {
        if (date <= DateTime.MinValue.AddDays(options.HoldoutDays + 1)) return "the dataset has no purchase dates";
        var cutoff = date.AddDays(-options.HoldoutDays);
        var before = log.Baskets.Count(b => b.Time < cutoff);
        var after = log.Baskets.Length - before;
        return before > 0 && after > 0 ? null
            : $"it learns from purchases before {cutoff:yyyy-MM-dd} and checks the {options.HoldoutDays} days after, but the purchases run from " +
              $"{log.FirstTime:yyyy-MM-dd} to {log.LastTime:yyyy-MM-dd} ({before} baskets before, {after} after)";
    }
}
