namespace RetailRec.Engine.Jobs;

/// <summary>
/// Progress&lt;T&gt; posts to a captured synchronization context and can deliver reports late or out of order; inside a
/// job there is no such context, so this forwards each report synchronously, in order.
/// </summary>
public sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
