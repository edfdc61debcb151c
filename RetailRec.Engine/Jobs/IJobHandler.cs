using System.Text.Json;

namespace RetailRec.Engine.Jobs;

/// <summary>Runs one kind of job. Handlers are resolved per job from a fresh DI scope, keyed by the kind's name.</summary>
public interface IJobHandler
{
    /// <summary>Does the work; returns an optional JSON result stored on the job. Throwing marks the job failed.</summary>
    Task<string?> RunAsync(JobContext context, CancellationToken ct);
}

/// <summary>A handler that names its kind statically, so <c>AddJob&lt;THandler&gt;()</c> can register it without building one.</summary>
public interface IJobKindHandler : IJobHandler
{
    static abstract JobKind Kind { get; }
}

/// <summary>The typed base every handler derives from: it reads the parameter record and stores the result as JSON.</summary>
public abstract class JobHandler<TParameters> : IJobHandler where TParameters : IJobParameters
{
    public async Task<string?> RunAsync(JobContext context, CancellationToken ct)
    {
        var result = await ExecuteAsync(context.Parameters<TParameters>(), context, ct);
        return result is null ? null : JsonSerializer.Serialize(result, result.GetType(), JobJson.Options);
    }

    /// <summary>Does the work; the returned object is stored on the job as its JSON result.</summary>
    protected abstract Task<object?> ExecuteAsync(TParameters parameters, JobContext context, CancellationToken ct);
}
