using System.Threading.Channels;

namespace RetailRec.Engine.Jobs;

/// <summary>The bounded queue of job ids between producers (UI, API, start-up recovery) and the single worker.</summary>
public sealed class JobChannel
{
    // Bounded so a flood of requests applies back-pressure instead of growing memory without limit.
    private readonly Channel<int> _channel = Channel.CreateBounded<int>(new BoundedChannelOptions(256)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    public ValueTask WriteAsync(int jobId, CancellationToken ct = default) => _channel.Writer.WriteAsync(jobId, ct);

    public IAsyncEnumerable<int> ReadAllAsync(CancellationToken ct) => _channel.Reader.ReadAllAsync(ct);
}
