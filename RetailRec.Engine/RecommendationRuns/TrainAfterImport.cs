using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailRec.Engine.Data;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Jobs.Handlers;

namespace RetailRec.Engine.RecommendationRuns;

/// <summary>
/// Queues a recommendation training when an import succeeds with a new dataset, so a fresh dataset (the demo data at
/// first start included) answers recommendation requests without a click. It listens to job notifications instead of
/// changing the import handler; a marketing run queued by the import runs first, so training can use its segments.
/// </summary>
public sealed class TrainAfterImport(JobNotifier notifier, RecommendationJobs launcher, IOptions<RecommendationRunOptions> options,
    ILogger<TrainAfterImport> logger) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.AutoTrainAfterImport) _subscription = notifier.Subscribe(OnJobAsync);
        return Task.CompletedTask;
    }

    private async Task OnJobAsync(JobSnapshot job)
    {
        if (job.Kind != ImportJobHandler.KindName || job.State != JobState.Succeeded || job.ResultJson is null) return;
        var result = JsonSerializer.Deserialize<ImportJobResult>(job.ResultJson, JobJson.Options);
        if (result is null || result.AlreadyImported) return;
        var id = await launcher.QueueTrainingAsync(result.DatasetId, "after import");
        logger.LogInformation("Dataset {Dataset} imported: recommendation training queued as job {Job}", result.DatasetId, id);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
