namespace RetailRec.Engine.Jobs;

/// <summary>Runs one kind of job. Handlers are resolved per job from a fresh DI scope.</summary>
public interface IJobHandler
{
    /// <summary>The job kind this handler runs, e.g. "import".</summary>
    string Kind { get; }

    /// <summary>Does the work; returns an optional JSON result stored on the job. Throwing marks the job failed.</summary>
    Task<string?> RunAsync(JobContext context, CancellationToken ct);
}
