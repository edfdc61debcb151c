namespace RetailRec.Engine.Jobs;

/// <summary>
/// Singleton fan-out of job changes to open browser circuits (eShop's OrdersRefreshOnStatusChange shape):
/// a component subscribes after first render and disposes the subscription with itself.
/// </summary>
public sealed class JobNotifier
{
    private readonly Lock _gate = new();
    private readonly List<Func<JobSnapshot, Task>> _subscribers = [];

    public IDisposable Subscribe(Func<JobSnapshot, Task> callback)
    {
        lock (_gate) _subscribers.Add(callback);
        return new Subscription(this, callback);
    }

    public async Task PublishAsync(JobSnapshot job)
    {
        Func<JobSnapshot, Task>[] targets;
        lock (_gate) targets = [.. _subscribers];
        foreach (var t in targets)
        {
            // One broken circuit must not stop the others from hearing about progress.
            try { await t(job); } catch { /* the subscriber's own problem; it unsubscribes on dispose */ }
        }
    }

    private sealed class Subscription(JobNotifier owner, Func<JobSnapshot, Task> callback) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate) owner._subscribers.Remove(callback);
        }
    }
}
