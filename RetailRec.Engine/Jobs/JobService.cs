using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RetailRec.Engine.Storage;

namespace RetailRec.Engine.Jobs;

/// <summary>The one way to queue a job; also lists, cancels and re-runs them. The worker does the running.</summary>
public sealed class JobService(
    IDbContextFactory<RetailRecDbContext> dbf, JobChannels channels, RunningJobs running, JobNotifier notifier, TimeProvider time,
    IEnumerable<JobKind> kinds)
{
    private readonly Dictionary<string, JobKind> _kinds = kinds.ToDictionary(k => k.Name);

    /// <summary>Queues a job of a registered kind; its title is the kind's title and the subject (or dataset name).</summary>
    public async Task<int> EnqueueAsync<TParameters>(JobKind<TParameters> kind, TParameters parameters, CancellationToken ct = default)
        where TParameters : IJobParameters
    {
        var subject = parameters.TitleSubject ?? await DatasetNameAsync(parameters.DatasetId, ct);
        var title = subject is null ? kind.Title : $"{kind.Title} · {subject}";
        return await EnqueueAsync(kind.Name, title, JsonSerializer.Serialize(parameters, JobJson.Options), parameters.DatasetId, ct);
    }

    /// <summary>The newest queued or running job of this kind for the dataset (a page shows its live progress), or null.</summary>
    public async Task<JobSnapshot?> ActiveAsync(JobKind kind, int datasetId, CancellationToken ct = default)
    {
        await using var db = await dbf.CreateDbContextAsync(ct);
        var row = await db.Jobs.AsNoTracking()
            .Where(j => j.Kind == kind.Name && j.DatasetId == datasetId && (j.State == JobState.Queued || j.State == JobState.Running))
            .OrderByDescending(j => j.Id).FirstOrDefaultAsync(ct);
        return row is null ? null : running.Overlay(JobSnapshot.From(row));
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
    /// click); jobs still queued go back on their lane so nothing the user asked for is silently dropped.
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
        var queued = await db.Jobs.Where(j => j.State == JobState.Queued).OrderBy(j => j.Id).Select(j => new { j.Id, j.Kind }).ToListAsync(ct);
        foreach (var j in queued) await channels.WriteAsync(LaneOf(j.Kind), j.Id, ct);
    }

    /// <summary>Unknown kinds (a kind a newer build removed) go to the long lane, where the worker fails them with a message.</summary>
    public JobLane LaneOf(string kind) => _kinds.TryGetValue(kind, out var k) ? k.Lane : JobLane.Long;

    private async Task<int> EnqueueAsync(string kind, string title, string parametersJson, int? datasetId, CancellationToken ct)
    {
        await using var db = await dbf.CreateDbContextAsync(ct);
        var job = new JobEntity
        {
            Kind = kind, Title = title, ParametersJson = parametersJson, DatasetId = datasetId,
            State = JobState.Queued, Step = "Waiting in queue", CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        db.Jobs.Add(job);
        await db.SaveChangesAsync(ct);
        await notifier.PublishAsync(JobSnapshot.From(job));
        await channels.WriteAsync(LaneOf(kind), job.Id, ct);
        return job.Id;
    }

    private async Task<string?> DatasetNameAsync(int? datasetId, CancellationToken ct)
    {
        if (datasetId is not int id) return null;
        await using var db = await dbf.CreateDbContextAsync(ct);
        return await db.Datasets.Where(d => d.Id == id).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? $"dataset {id}";
    }
}
