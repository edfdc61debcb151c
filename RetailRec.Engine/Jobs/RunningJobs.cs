using System.Collections.Concurrent;

namespace RetailRec.Engine.Jobs;

/// <summary>
/// The jobs running right now: their cancellation sources (so Cancel reaches a job mid-flight) and their latest
/// progress. Progress lives here rather than in SQLite because an import holds SQLite's single write lock for its
/// whole (atomic) transaction, so progress rows could not be written while it runs; readers overlay these snapshots.
/// </summary>
public sealed class RunningJobs
{
    private readonly ConcurrentDictionary<int, CancellationTokenSource> _running = new();
    private readonly ConcurrentDictionary<int, JobSnapshot> _latest = new();

    public void Update(JobSnapshot snapshot) => _latest[snapshot.Id] = snapshot;

    /// <summary>The live view of a job if it is running in this process, else the stored one.</summary>
    public JobSnapshot Overlay(JobSnapshot stored) =>
        stored.State == Storage.JobState.Running && _latest.TryGetValue(stored.Id, out var live) ? live : stored;

    public CancellationTokenSource Start(int jobId, CancellationToken stopping)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _running[jobId] = cts;
        return cts;
    }

    public void Finish(int jobId)
    {
        _latest.TryRemove(jobId, out _);
        if (_running.TryRemove(jobId, out var cts)) cts.Dispose();
    }

    public bool TryCancel(int jobId)
    {
        if (!_running.TryGetValue(jobId, out var cts)) return false;
        try { cts.Cancel(); } catch (ObjectDisposedException) { return false; }
        return true;
    }
}
