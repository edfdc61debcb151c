using System.Collections.Concurrent;

namespace RetailRec.Engine.Jobs;

/// <summary>Cancellation sources of the jobs running right now, so Cancel can reach a job mid-flight.</summary>
public sealed class RunningJobs
{
    private readonly ConcurrentDictionary<int, CancellationTokenSource> _running = new();

    public CancellationTokenSource Start(int jobId, CancellationToken stopping)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _running[jobId] = cts;
        return cts;
    }

    public void Finish(int jobId)
    {
        if (_running.TryRemove(jobId, out var cts)) cts.Dispose();
    }

    public bool TryCancel(int jobId)
    {
        if (!_running.TryGetValue(jobId, out var cts)) return false;
        try { cts.Cancel(); } catch (ObjectDisposedException) { return false; }
        return true;
    }
}
