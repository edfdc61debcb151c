using RetailRec.Engine.Data;
using RetailRec.Engine.Jobs;

namespace RetailRec.Engine.MarketingRuns;

/// <summary>Queues a marketing job with the dataset's saved settings (pages, the import handler and the API share it).</summary>
public sealed class MarketingRunLauncher(JobService jobs, MarketingSettingsStore settings, DatasetService datasets)
{
    public async Task<int> QueueAsync(int datasetId, string? label = null, CancellationToken ct = default)
    {
        var s = settings.Get(datasetId);
        var name = (await datasets.GetAsync(datasetId, ct))?.Name ?? $"dataset {datasetId}";
        var parameters = new MarketingJobParameters(datasetId, s.AnalysisDate, s.WindowDays, s.Strategies, s.Stock?.Path, label, s.Stock?.FileName);
        return await jobs.EnqueueAsync(MarketingJobHandlerKind.Name, $"Marketing analysis · {name}", parameters, datasetId, ct);
    }

    /// <summary>The newest queued or running marketing job of a dataset, if any (a page shows its live progress).</summary>
    public async Task<JobSnapshot?> ActiveJobAsync(int datasetId, CancellationToken ct = default) =>
        (await jobs.ListAsync(100, ct)).FirstOrDefault(j => j.IsActive && j.Kind == MarketingJobHandlerKind.Name && j.DatasetId == datasetId);
}

/// <summary>The job kind string, here so the launcher does not depend on the handler's class.</summary>
public static class MarketingJobHandlerKind
{
    public const string Name = "marketing";
}
