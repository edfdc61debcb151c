using System.Text.Json;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Recommendations.Catalog;
using RetailRec.Engine.Recommendations.Evaluation;
using RetailRec.Engine.Runs;
using RetailRec.Engine.Storage;

namespace RetailRec.Engine.Recommendations.Runs;

/// <summary>
/// The leaderboard's runs as the Models page and the evaluations API both see them: list, read, queue (with the
/// same validation and messages), delete, and the split files a run wrote.
/// </summary>
public sealed class EvaluationRuns(RunStore runs, JobService jobs, DataPaths paths)
{
    public static readonly IReadOnlyList<string> SplitKinds = ["T", "L"];

    public Task<List<AnalysisRunEntity>> ListAsync(int datasetId, CancellationToken ct = default) =>
        runs.ListAsync(datasetId, RecommendationJobs.EvaluationRun, ct);

    /// <summary>The run if it exists and is an evaluation run.</summary>
    public async Task<AnalysisRunEntity?> GetAsync(int runId, CancellationToken ct = default) =>
        await runs.GetAsync(runId, ct) is { } run && run.Kind == RecommendationJobs.EvaluationRun.Name ? run : null;

    public async Task<List<EvaluationResult>> ResultsAsync(int runId, CancellationToken ct = default) =>
        await runs.ArtifactAsync(runId, RecommendationJobs.Artifacts.Results, ct) ?? [];

    public static EvaluationRunSummary? Summary(AnalysisRunEntity run)
    {
        try { return JsonSerializer.Deserialize<EvaluationRunSummary>(run.SummaryJson, RunStore.Json); }
        catch (JsonException) { return null; }
    }

    /// <summary>Queues an evaluation; throws <see cref="ArgumentException"/> with a user-facing message for bad input.</summary>
    public Task<int> QueueAsync(int datasetId, int holdoutDays = 30, bool tune = false, IReadOnlyList<string>? models = null, CancellationToken ct = default)
    {
        if (holdoutDays is < 1 or > 365) throw new ArgumentException("\"holdoutDays\" must be between 1 and 365.");
        if (models is { Count: > 0 } && models.Except(ModelCatalog.Classical().Select(f => f.Name), StringComparer.OrdinalIgnoreCase).ToList() is { Count: > 0 } unknown)
            throw new ArgumentException("Unknown model(s): " + string.Join(", ", unknown));
        return jobs.EnqueueAsync(RecommendationJobs.Evaluation, new EvaluationJobParameters(datasetId, holdoutDays, tune, models), ct);
    }

    public Task<bool> DeleteAsync(int runId, CancellationToken ct = default) => runs.DeleteAsync(runId, ct);

    /// <summary>The split files a run wrote, as (kind, file name) pairs.</summary>
    public IReadOnlyList<(string Kind, string File)> SplitFiles(int runId) =>
        (from k in SplitKinds
         from f in RecommendationJobs.SplitFileNames
         where File.Exists(Path.Combine(paths.SplitDirectory(runId, k), f))
         select (k, f)).ToList();

    /// <summary>The path of one split file; null unless kind and name are exactly one of the fixed ones (nothing from a request becomes a path).</summary>
    public string? SplitFilePath(int runId, string kind, string file)
    {
        var k = SplitKinds.FirstOrDefault(x => x == kind);
        var name = RecommendationJobs.SplitFileNames.FirstOrDefault(f => f == file);
        return k is null || name is null ? null : Path.Combine(paths.SplitDirectory(runId, k), name);
    }
}
