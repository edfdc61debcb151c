using Microsoft.Extensions.Options;
using RetailRec.Engine.Data;
using RetailRec.Engine.DemoData;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.PromotionRuns;
using RetailRec.Engine.Promotions.Uplift;
using RetailRec.Web.Imports;

namespace RetailRec.Web.Campaigns;

/// <summary>Queues the Campaigns page's jobs with what only the host knows (where the dataset's promotion log is).</summary>
public sealed class CampaignLauncher(JobService jobs, PromotionLogStore logs, IOptions<DemoOptions> demo)
{
    public Task<int> BuildCampaignAsync(DatasetEntity dataset, CampaignJobParameters p) =>
        jobs.EnqueueAsync(PromotionRunKinds.Campaign, $"Campaign “{p.Name}”",
            p with { DatasetId = dataset.Id, PromotionLogPath = logs.Find(dataset)?.Path }, dataset.Id);

    public Task<int> BacktestAsync(DatasetEntity dataset) =>
        jobs.EnqueueAsync(PromotionRunKinds.Backtest, "Promotion backtest", new BacktestJobParameters(dataset.Id), dataset.Id);

    public async Task<int?> UpliftAsync(DatasetEntity dataset)
    {
        if (logs.Find(dataset) is not { } log) return null;
        return await jobs.EnqueueAsync(PromotionRunKinds.Uplift, "Uplift analysis", new UpliftJobParameters(dataset.Id, log.Path, log.Source), dataset.Id);
    }

    /// <summary>
    /// For a demo dataset without a stored log (seeded before logs were kept): regenerate the demo with the app's demo
    /// settings and keep its promotion log only if the generated file is byte-identical to the imported one (same
    /// content hash), i.e. the log really belongs to this data.
    /// </summary>
    public async Task<bool> RecoverDemoLogAsync(DatasetEntity dataset, CancellationToken ct = default)
    {
        if (!dataset.IsDemo || logs.Find(dataset) is not null) return logs.Find(dataset) is not null;
        var o = demo.Value;
        return await Task.Run(() =>
        {
            var data = DemoDataGenerator.Generate(new DemoDataOptions { Seed = o.Seed, TargetLines = o.Lines });
            var promo = DemoPromotionGenerator.Generate(data);
            var tmp = Path.Combine(Path.GetTempPath(), $"retailrec-demo-check-{Guid.NewGuid():N}.csv");
            try
            {
                OnlineRetailCsvWriter.WriteFile(tmp, promo.Records);
                if (PromotionLogStore.HashOfFile(tmp) != dataset.ContentHash) return false;
                logs.Save(dataset.ContentHash, ToEntries(promo.Log), $"demo promotion log (seed {o.Seed})");
                return true;
            }
            finally { File.Delete(tmp); }
        }, ct);
    }

    public static IEnumerable<PromotionLogEntry> ToEntries(IEnumerable<DemoPromotionEntry> log) =>
        log.Select(e => new PromotionLogEntry(e.CustomerId, e.PromotionId, e.StockCode, e.Treated, e.SentDate));
}
