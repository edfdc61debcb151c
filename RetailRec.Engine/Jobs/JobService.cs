using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RetailRec.Engine.Data;

namespace RetailRec.Engine.Jobs;

/// <summary>Creates, lists, cancels and re-runs jobs. The worker does the running.</summary>
public sealed class JobService(
    IDbContextFactory<RetailRecDbContext> dbf, JobChannel channel, RunningJobs running, JobNotifier notifier, TimeProvider time)
{
    public async Task<int> EnqueueAsync(string kind, string title, object parameters, int? datasetId = null, CancellationToken ct = default)
    {
        var json = parameters as string ?? JsonSerializer.Serialize(parameters, JobJson.Options);
        await using var db = await dbf.CreateDbContextAsync(ct);
        var job = new JobEntity
        {
            Kind = kind, Title = title, ParametersJson = json, DatasetId = datasetId,
            State = JobState.Queued, Step = "Waiting in queue", CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        db.Jobs.Add(job);
        await db.SaveChangesAsync(ct);
        await notifier.PublishAsync(JobSnapshot.From(job));
        await channel.WriteAsync(job.Id, ct);
        return job.Id;
    }

    /// <summary>Cancels a queued job at once, or signals a running one (it stops at its next checkpoint).</summary>
    public async Task<bool> CancelAsync(int id, CancellationToken ct = default)
    {
        if (running.TryCancel(id)) return true;
        await using var db = await dbf.CreateDbContextAsync(ct);
        var job = await db.Jobs.FindAsync([id], ct);
        if (job is null || job.State != JobState.Queued) return false;
        job.State = JobState.Cancelled;
        job.Step = "Cancelled before it started";
        job.FinishedAtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await notifier.PublishAsync(JobSnapshot.From(job));
        return true;
    }

    /// <summary>Queues a fresh job with the same kind and parameters as a failed, cancelled or interrupted one.</summary>
    public async Task<int?> RerunAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbf.CreateDbContextAsync(ct);
        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null || !JobSnapshot.From(job).CanRerun) return null;
        return await EnqueueAsync(job.Kind, job.Title, job.ParametersJson, job.DatasetId, ct);
    }

    public async Task<List<JobSnapshot>> ListAsync(int take = 50, CancellationToken ct = default)
    {
        await using var db = await dbf.CreateDbContextAsync(ct);
        var rows = await db.Jobs.AsNoTracking().OrderByDescending(j => j.Id).Take(take).ToListAsync(ct);
        return rows.Select(r => running.Overlay(JobSnapshot.From(r))).ToList();
    }

    public async Task<JobSnapshot?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbf.CreateDbContextAsync(ct);
        var row = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        return row is null ? null : running.Overlay(JobSnapshot.From(row));
    }

    /// <summary>
    /// Start-up recovery: a job that was running when the process died is marked interrupted (re-runnable with one
    /// click); jobs still queued go back on the channel so nothing the user asked for is silently dropped.
    /// </summary>
    public async Task RecoverAsync(CancellationToken ct = default)
    {
        await using var db = await dbf.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var stale = await db.Jobs.Where(j => j.State == JobState.Running).ToListAsync(ct);
        foreach (var j in stale)
        {
            j.State = JobState.Interrupted;
            j.Step = "Interrupted by a restart";
            j.Error = "The application stopped while this job was running.";
            j.FinishedAtUtc = now;
        }
        await db.SaveChangesAsync(ct);
        var queued = await db.Jobs.Where(j => j.State == JobState.Queued).OrderBy(j => j.Id).Select(j => j.Id).ToListAsync(ct);
        foreach (var id in queued) await channel.WriteAsync(id, ct);
    }
}
