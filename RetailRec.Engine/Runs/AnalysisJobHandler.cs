using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Storage;

namespace RetailRec.Engine.Runs;

/// <summary>A job about one stored dataset.</summary>
public interface IDatasetJobParameters : IJobParameters
{
    new int DatasetId { get; }
    int? IJobParameters.DatasetId => DatasetId;
}

/// <summary>
/// What an analysis computed: the run's label, summary and artifacts, and optionally a folder of files written before
/// the run id was known (exports, split files) that is moved into place under run-&lt;id&gt;/ once the run is saved.
/// </summary>
public sealed record AnalysisOutput(string Label, object Summary, RunArtifacts Artifacts, string? StagedFiles = null)
{
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>What an analysis job returns by default: the run it stored.</summary>
public sealed record AnalysisJobResult(int RunId, int DatasetId);

/// <summary>
/// The skeleton every analysis job shares: load the dataset's log, compute with progress, save one run in one
/// transaction, move its staged files into place. A failure before the save leaves no run and no files behind.
/// </summary>
public abstract class AnalysisJobHandler<TParameters>(DatasetLoader loader, RunStore runs, DataPaths paths) : JobHandler<TParameters>
    where TParameters : IDatasetJobParameters
{
    protected abstract RunKind RunKind { get; }

    /// <summary>The percentage at which loading ends and computing begins.</summary>
    protected virtual double LoadedAt => 5;

    protected DataPaths Paths => paths;

    protected RunStore Runs => runs;

    protected sealed override async Task<object?> ExecuteAsync(TParameters p, JobContext context, CancellationToken ct)
    {
        await ValidateAsync(p, ct);
        context.Report(1, "Loading the dataset");
        var log = await loader.LoadRetailLogAsync(p.DatasetId, ct);
        context.Log($"Loaded {log.Lines.Length:N0} lines, {log.CustomerCount:N0} customers, {log.ItemCount:N0} items");
        context.Report(LoadedAt, "Dataset loaded");

        try
        {
            var output = await ComputeAsync(p, log, context, ct);
            ct.ThrowIfCancellationRequested();
            context.Report(95, "Saving results");
            // Not the job's token: once computed, a run is saved whole even if a cancel arrives now.
            var runId = await runs.SaveRunAsync(p.DatasetId, RunKind, output.Label, p, output.Summary, output.Artifacts, context.JobId, CancellationToken.None);
            if (output.StagedFiles is { } staged) MoveIntoPlace(staged, paths.RunFiles(runId));
            context.Log($"Stored run #{runId}" + (output.StagedFiles is null ? "" : $"; files in {paths.RunFiles(runId)}"));
            return Result(runId, p, output);
        }
        catch
        {
            // Nothing half-written stays: files staged for a run that was never saved go with the failure.
            var staging = StagingPath(context);
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            throw;
        }
    }

    /// <summary>Refuses bad parameters before any work (thrown messages are shown to the user).</summary>
    protected virtual Task ValidateAsync(TParameters p, CancellationToken ct) => Task.CompletedTask;

    protected abstract Task<AnalysisOutput> ComputeAsync(TParameters p, RetailLog log, JobContext context, CancellationToken ct);

    protected virtual object Result(int runId, TParameters p, AnalysisOutput output) => new AnalysisJobResult(runId, p.DatasetId);

    /// <summary>A fresh folder for files this job writes before its run id is known.</summary>
    protected string StagingFolder(JobContext context)
    {
        var staging = StagingPath(context);
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        return staging;
    }

    private string StagingPath(JobContext context) => Path.Combine(paths.Exports, $"job-{context.JobId}.tmp");

    private static void MoveIntoPlace(string staged, string final)
    {
        if (Directory.Exists(final)) Directory.Delete(final, recursive: true);
        Directory.CreateDirectory(Path.GetDirectoryName(final)!);
        Directory.Move(staged, final);
    }
}
