using RetailRec.Engine.Jobs;
using RetailRec.Engine.Storage;

namespace RetailRec.Engine.Promotions.Runs;

/// <summary>Queues the Campaigns page's jobs with what the feature knows about the dataset (where its promotion log is).</summary>
public sealed class CampaignLauncher(JobService jobs, PromotionLogStore logs)
{
    public Task<int> BuildCampaignAsync(DatasetEntity dataset, CampaignJobParameters p, CancellationToken ct = default) =>
        jobs.EnqueueAsync(PromotionJobs.Campaign, p with { DatasetId = dataset.Id, PromotionLogPath = logs.Find(dataset)?.Path }, ct);

    public Task<int> BacktestAsync(DatasetEntity dataset, CancellationToken ct = default) =>
        jobs.EnqueueAsync(PromotionJobs.Backtest, new BacktestJobParameters(dataset.Id), ct);

    /// <summary>Null when the dataset has no promotion log to analyse.</summary>
    public async Task<int?> UpliftAsync(DatasetEntity dataset, CancellationToken ct = default) =>
        logs.Find(dataset) is { } log ? await jobs.EnqueueAsync(PromotionJobs.Uplift, new UpliftJobParameters(dataset.Id, log.Path, log.Source), ct) : null;
}
