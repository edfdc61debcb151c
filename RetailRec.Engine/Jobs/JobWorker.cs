using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailRec.Engine.Storage;

namespace RetailRec.Engine.Jobs;

/// <summary>
/// The hosted background engine: each lane's workers read job ids from the lane's channel and run them, so an import
/// (short lane) finishes while a training (long lane) runs. A job that throws is marked failed and the loop goes on; a
/// cancelled job is marked cancelled. Progress is pushed to subscribers and kept in <see cref="RunningJobs"/>; SQLite
/// gets the state transitions (see RunningJobs for why not every report).
/// </summary>
public sealed class JobWorker(
    IServiceScopeFactory scopes, IDbContextFactory<RetailRecDbContext> dbf, JobChannels channels, JobService jobs,
    RunningJobs running, JobNotifier notifier, TimeProvider time, IOptions<JobLaneOptions> lanes, ILogger<JobWorker> logger) : BackgroundService
{
    private const int MaxLogChars = 8000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await jobs.RecoverAsync(stoppingToken);
        var workers = Enum.GetValues<JobLane>()
            .SelectMany(lane => Enumerable.Range(0, lanes.Value.WorkersFor(lane)).Select(_ => RunLaneAsync(lane, stoppingToken)));
        await Task.WhenAll(workers);
    }

    private async Task RunLaneAsync(JobLane lane, CancellationToken stoppingToken)
    {
        await foreach (var id in channels.ReadAllAsync(lane, stoppingToken))
        {
            try { await RunOneAsync(id, stoppingToken); }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Job {JobId} could not be run", id);
            }
        }
    }

    private async Task RunOneAsync(int id, CancellationToken stopping)
    {
        await using var db = await dbf.CreateDbContextAsync(stopping);
        var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == id, stopping);
        if (job is null || job.State != JobState.Queued) return; // cancelled while queued, or already handled

        await using var scope = scopes.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetKeyedService<IJobHandler>(job.Kind);
        job.State = JobState.Running;
        job.StartedAtUtc = time.GetUtcNow().UtcDateTime;
        job.Step = "Starting";
        job.Progress = 0;
        await SaveAsync(db, job);

        var cts = running.Start(id, stopping);
        var gate = new Lock();
        try
        {
            if (handler is null) throw new InvalidOperationException($"No handler is registered for job kind '{job.Kind}'.");
            var context = new JobContext(job.Id, job.DatasetId, job.ParametersJson,
                report: (pct, step) =>
                {
                    JobSnapshot snapshot;
                    lock (gate) { job.Progress = pct; job.Step = step; snapshot = JobSnapshot.From(job); }
                    running.Update(snapshot);
                    _ = notifier.PublishAsync(snapshot);
                },
                log: line =>
                {
                    lock (gate) job.Log = TrimLog(job.Log + $"[{time.GetUtcNow():HH:mm:ss}] {line}\n");
                });
            var result = await Task.Run(() => handler.RunAsync(context, cts.Token), cts.Token);
            job.State = JobState.Succeeded;
            job.Progress = 100;
            job.Step = "Done";
            job.ResultJson = result;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            job.State = stopping.IsCancellationRequested ? JobState.Interrupted : JobState.Cancelled;
            job.Step = stopping.IsCancellationRequested ? "Interrupted by shutdown" : "Cancelled by user";
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Job {JobId} ({Kind}) failed", job.Id, job.Kind);
            job.State = JobState.Failed;
            job.Error = ex.Message;
            job.Step = "Failed";
        }
        finally
        {
            running.Finish(id);
        }
        job.FinishedAtUtc = time.GetUtcNow().UtcDateTime;
        await SaveAsync(db, job);
    }

    private async Task SaveAsync(RetailRecDbContext db, JobEntity job)
    {
        // Not the stopping token: the final state must be written even while the host shuts down.
        await db.SaveChangesAsync(CancellationToken.None);
        await notifier.PublishAsync(JobSnapshot.From(job));
    }

    private static string TrimLog(string log) => log.Length <= MaxLogChars ? log : log[^MaxLogChars..];
}
