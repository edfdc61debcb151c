using System.Diagnostics;
using RetailRec.Engine.Runs;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Recommendations.Runs;
using RetailRec.Engine.Storage;
using RetailRec.Engine.Promotions.Runs;
using RetailRec.Engine.Promotions;
using RetailRec.Engine.Promotions.Campaigns;
using RetailRec.Engine.Promotions.CrossSell;
using RetailRec.Engine.Promotions.Features;
using RetailRec.Engine.Promotions.Uplift;

namespace RetailRec.Engine.Promotions.Runs;

/// <summary>
/// Builds a campaign (<see cref="CampaignBuilder"/>) on a stored dataset and saves it as a "campaign" run with its plan
/// and the cross-sell list of its first product. With a promotion log, the contact cap reads it and the ranking and ROI
/// use uplift estimated from it (<see cref="UpliftEstimator"/>).
/// </summary>
public sealed class CampaignJobHandler(DatasetLoader loader, RunStore runs, DataPaths paths, ICustomerSegmentSource segments)
    : AnalysisJobHandler<CampaignJobParameters>(loader, runs, paths), IJobKindHandler
{
    public static JobKind Kind => PromotionJobs.Campaign;

    protected override RunKind RunKind => PromotionJobs.CampaignRun;

    protected override async Task<AnalysisOutput> ComputeAsync(CampaignJobParameters p, RetailLog log, JobContext context, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        if (log.Baskets.Length == 0) throw new NotEnoughDataException("a campaign", "the dataset has no purchases by known customers to learn from");
        context.Report(15, "Reading promotion log and segments");
        var promotionLog = PromotionLogFile.TryRead(p.PromotionLogPath);
        IReadOnlyDictionary<string, string>? segmentOf = null;
        if (p.Segments is { Count: > 0 })
            segmentOf = (await segments.LatestAsync(p.DatasetId, ct))?.ByCustomer
                        ?? throw new InvalidOperationException("A segment filter needs a marketing run (segmentation) of this dataset; none has been run yet.");
        var date = log.DefaultAnalysisDate;
        var recent = p.MaxRecentContacts is not null && promotionLog is not null ? FatigueDetector.RecentContacts(promotionLog, date, p.ContactWindowDays) : null;
        if (p.MaxRecentContacts is not null && promotionLog is null) context.Log("contact cap ignored: this dataset has no promotion log");
        var request = new CampaignRequest
        {
            StockCodes = p.StockCodes, Keyword = p.Keyword, DiscountPercent = p.DiscountPercent, CostPerMessage = p.CostPerMessage,
            UnitMargin = p.UnitMargin, MarginShare = p.MarginShare, HorizonDays = p.HorizonDays, AudienceSize = p.AudienceSize, Budget = p.Budget,
            Countries = p.Countries, Segments = p.Segments, SegmentOf = segmentOf, MaxRecentContacts = p.MaxRecentContacts, RecentContacts = recent,
            ScoringDate = date, Model = p.Model, Calibration = p.Calibration, RecommenderFeature = p.RecommenderFeature,
        };
        ct.ThrowIfCancellationRequested();

        IReadOnlyDictionary<string, double>? uplift = null;
        if (promotionLog is not null && p.UseUplift)
        {
            context.Report(25, "Estimating uplift from the promotion log");
            uplift = await Task.Run(() => TryUplift(log, promotionLog, request, context), ct);
        }
        ct.ThrowIfCancellationRequested();

        context.Report(45, p.RecommenderFeature is null
            ? "Training and calibrating the purchase model, scoring customers"
            : $"Fitting {p.RecommenderFeature} at three cutoffs, training and calibrating the purchase model, scoring customers");
        var plan = await Task.Run(() => new CampaignBuilder(log, new PropensityOptions { HorizonDays = p.HorizonDays }).Build(request, uplift, ct), ct);
        if (plan.Model is { } m)
            context.Log($"model: {m.Name} pooled over {m.PooledProducts} products; {m.Calibration.Method} calibration on " +
                        $"{m.Calibration.ValidationFrom:d MMM yyyy} – {m.Calibration.ValidationTo:d MMM yyyy}: mean predicted " +
                        $"{m.Calibration.MeanRaw:P2} raw, {m.Calibration.MeanCalibrated:P2} calibrated, observed {m.Calibration.ObservedRate:P2}");
        foreach (var w in plan.Warnings) context.Log("warning: " + w);
        context.Log($"{plan.Targets.Count:N0} of {plan.Eligible:N0} eligible customers targeted");
        ct.ThrowIfCancellationRequested();

        context.Report(75, "Finding cross-sell customers");
        var crossSell = await Task.Run(() => TryCrossSell(log, plan.StockCodes[0], date, context), ct);

        var capped = p.MaxRecentContacts is { } cap && recent is not null ? recent.Count(kv => kv.Value >= cap) : 0;
        var summary = new CampaignRunSummary(p.Name, plan.StockCodes, plan.Eligible, plan.Targets.Count, plan.Targeted.ExpectedRevenue,
            plan.Targeted.IncrementalProfit ?? plan.Targeted.ExpectedProfit, CampaignRoi.Of(plan.Targeted), plan.Broadcast.IncrementalProfit ?? plan.Broadcast.ExpectedProfit,
            uplift is not null, capped, clock.Elapsed.TotalSeconds);
        var artifacts = new RunArtifacts().Add(PromotionJobs.Artifacts.Plan, plan).AddIfNotNull(PromotionJobs.Artifacts.CrossSell, crossSell);
        return new AnalysisOutput(p.Name, summary, artifacts);
    }

    private static IReadOnlyDictionary<string, double>? TryUplift(RetailLog log, IReadOnlyList<PromotionLogEntry> entries, CampaignRequest request, JobContext context)
    {
        try
        {
            var items = ProductResolver.Resolve(log, new PurchaseHistory(log, request.ScoringDate!.Value), request, []);
            var uplift = UpliftEstimator.ForCampaign(log, entries, request.HorizonDays, request.ScoringDate!.Value, items);
            context.Log($"uplift estimated for {uplift.Count:N0} customers from {entries.Count:N0} promotion-log rows");
            return uplift;
        }
        catch (ArgumentException ex)
        {
            // The campaign still works on propensity alone; the log says why uplift was not used.
            context.Log("uplift not used: " + ex.Message);
            return null;
        }
    }

    private static CrossSellResult? TryCrossSell(RetailLog log, string stockCode, DateTime date, JobContext context)
    {
        try { return CrossSellList.Build(log, stockCode, date); }
        catch (ArgumentException ex) { context.Log("cross-sell skipped: " + ex.Message); return null; }
    }
}
