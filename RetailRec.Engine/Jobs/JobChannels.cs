using System.Threading.Channels;

namespace RetailRec.Engine.Jobs;

/// <summary>The bounded queues of job ids between producers (UI, API, start-up recovery) and the worker, one per lane.</summary>
public sealed class JobChannels
{
    // Bounded so a flood of requests applies back-pressure instead of growing memory without limit.
    private readonly Dictionary<JobLane, Channel<int>> _channels = Enum.GetValues<JobLane>().ToDictionary(l => l,
        _ => Channel.CreateBounded<int>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.Wait }));

    public ValueTask WriteAsync(JobLane lane, int jobId, CancellationToken ct = default) => _channels[lane].Writer.WriteAsync(jobId, ct);

    public IAsyncEnumerable<int> ReadAllAsync(JobLane lane, CancellationToken ct) => _channels[lane].Reader.ReadAllAsync(ct);
}
