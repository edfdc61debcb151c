using Microsoft.Extensions.Options;
using RetailRec.Engine.Datasets;
using RetailRec.Engine.Jobs;

namespace RetailRec.Engine.Marketing.Runs;

/// <summary>
/// Builds a marketing job's parameters from the dataset's saved settings (pages, the API and the after-import follow-up
/// share it), so "Re-run" on the Jobs page repeats exactly the same analysis.
/// </summary>
public sealed class MarketingRunLauncher(JobService jobs, MarketingSettingsStore settings, IOptions<MarketingRunOptions> options) : IImportFollowUp
{
    public Task<int> QueueAsync(int datasetId, string? label = null, CancellationToken ct = default)
    {
        var s = settings.Get(datasetId);
        var parameters = new MarketingJobParameters(datasetId, s.AnalysisDate, s.WindowDays, s.Strategies, s.Stock?.Path, label, s.Stock?.FileName);
        return jobs.EnqueueAsync(MarketingJobs.Analysis, parameters, ct);
    }

    async Task IImportFollowUp.QueueAsync(int datasetId, CancellationToken ct)
    {
        if (options.Value.AutoRunAfterImport) await QueueAsync(datasetId, "after import", ct);
    }
}
