using Microsoft.Extensions.Options;
using RetailRec.Engine.Data;
using RetailRec.Engine.Data.Runs;
using RetailRec.Engine.Evaluation;
using RetailRec.Engine.RecommendationRuns;

namespace RetailRec.Web.Api;

/// <summary>The leaderboard's runs over HTTP: list, read, queue, delete, and the split files of a run.</summary>
public static class EvaluationsApi
{
    public sealed record EvaluateRequest(int? DatasetId, int? HoldoutDays, bool? Tune, IReadOnlyList<string>? Models);

    public sealed record EvaluationRunDto(int Id, int DatasetId, string Label, DateTime CreatedAtUtc, int? JobId, EvaluationRunSummary? Summary);

    public sealed record EvaluationRunDetail(EvaluationRunDto Run, IReadOnlyList<EvaluationResult> Results, IReadOnlyList<string> SplitFiles);

    public static void MapEvaluationsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/evaluations").WithTags("Evaluations");
        g.MapGet("/", async (int? datasetId, DatasetService datasets, RunStore runs, CancellationToken ct) =>
        {
            var id = datasetId ?? (await datasets.GetActiveAsync(ct))?.Id;
            if (id is null) return Results.Ok(Array.Empty<EvaluationRunDto>());
            return Results.Ok((await runs.ListAsync(id.Value, RecommendationRunKinds.EvaluationRun, ct)).Select(Dto));
        });
        g.MapGet("/{runId:int}", async (int runId, RunStore runs, IOptions<RetailRec.Engine.MarketingRuns.MarketingRunOptions> o, CancellationToken ct) =>
        {
            if (await FindAsync(runs, runId, ct) is not { } run) return RunNotFound(runId);
            var results = await runs.ArtifactAsync<List<EvaluationResult>>(runId, RecommendationRunKinds.ResultsArtifact, ct) ?? [];
            return Results.Ok(new EvaluationRunDetail(Dto(run), results, ExistingSplitFiles(o.Value, runId)));
        });
        g.MapPost("/", async (EvaluateRequest? body, DatasetService datasets, RecommendationJobs jobs, CancellationToken ct) =>
        {
            var id = body?.DatasetId ?? (await datasets.GetActiveAsync(ct))?.Id;
            if (id is null || await datasets.GetAsync(id.Value, ct) is null)
                return Results.Problem(statusCode: 404, title: body?.DatasetId is int d ? $"Dataset {d} not found." : "There is no dataset yet: import one first.");
            var holdout = body?.HoldoutDays ?? 30;
            if (holdout is < 1 or > 365) return Results.Problem(statusCode: 400, title: "\"holdoutDays\" must be between 1 and 365.");
            if (body?.Models is { Count: > 0 } models && models.Except(RetailRec.Engine.Recommendation.Catalog.ModelCatalog.Classical().Select(f => f.Name), StringComparer.OrdinalIgnoreCase).ToList() is { Count: > 0 } unknown)
                return Results.Problem(statusCode: 400, title: "Unknown model(s): " + string.Join(", ", unknown));
            var jobId = await jobs.QueueEvaluationAsync(new EvaluationJobParameters(id.Value, holdout, body?.Tune ?? false, body?.Models), ct);
            return Results.Accepted($"/api/jobs/{jobId}", new { jobId });
        }).DisableAntiforgery();
        g.MapDelete("/{runId:int}", async (int runId, RunStore runs, CancellationToken ct) =>
            await FindAsync(runs, runId, ct) is null ? RunNotFound(runId) : await runs.DeleteAsync(runId, ct) ? Results.NoContent() : RunNotFound(runId));
        g.MapGet("/{runId:int}/splits/{kind}/{file}", async (int runId, string kind, string file, RunStore runs, IOptions<RetailRec.Engine.MarketingRuns.MarketingRunOptions> o, CancellationToken ct) =>
        {
            // Only the fixed names are served, so nothing from the request becomes a path.
            var k = new[] { "T", "L" }.FirstOrDefault(x => x == kind);
            var name = RecommendationRunKinds.SplitFileNames.FirstOrDefault(f => f == file);
            if (k is null || name is null) return Results.Problem(statusCode: 404, title: $"No split file {kind}/{file}");
            if (await FindAsync(runs, runId, ct) is null) return RunNotFound(runId);
            var path = Path.Combine(o.Value.SplitDirectory(runId, k), name);
            return File.Exists(path) ? Results.File(path, "text/csv; charset=utf-8", $"run{runId}_{k}_{name}")
                : Results.Problem(statusCode: 404, title: $"Run {runId} has no {k}/{name}");
        });

        api.MapPost("/recommendations/train", async (int? datasetId, DatasetService datasets, RecommendationJobs jobs, CancellationToken ct) =>
        {
            var id = datasetId ?? (await datasets.GetActiveAsync(ct))?.Id;
            if (id is null || await datasets.GetAsync(id.Value, ct) is null) return Results.Problem(statusCode: 404, title: "Dataset not found.");
            var jobId = await jobs.QueueTrainingAsync(id.Value, null, ct);
            return Results.Accepted($"/api/jobs/{jobId}", new { jobId });
        }).WithTags("Recommendations").DisableAntiforgery();
    }

    /// <summary>Relative URLs of the split files a run wrote (T and L), for download links.</summary>
    public static IReadOnlyList<string> ExistingSplitFiles(RetailRec.Engine.MarketingRuns.MarketingRunOptions o, int runId) =>
        (from k in new[] { "T", "L" }
         from f in RecommendationRunKinds.SplitFileNames
         where File.Exists(Path.Combine(o.SplitDirectory(runId, k), f))
         select $"api/evaluations/{runId}/splits/{k}/{f}").ToList();

    private static async Task<AnalysisRunEntity?> FindAsync(RunStore runs, int runId, CancellationToken ct) =>
        await runs.GetAsync(runId, ct) is { Kind: RecommendationRunKinds.EvaluationRun } run ? run : null;

    private static IResult RunNotFound(int runId) => Results.Problem(statusCode: 404, title: $"Evaluation run {runId} not found");

    private static EvaluationRunDto Dto(AnalysisRunEntity r) => new(r.Id, r.DatasetId, r.Label, r.CreatedAtUtc, r.JobId, Summary(r));

    public static EvaluationRunSummary? Summary(AnalysisRunEntity r)
    {
        try { return System.Text.Json.JsonSerializer.Deserialize<EvaluationRunSummary>(r.SummaryJson, RunStore.Json); }
        catch (System.Text.Json.JsonException) { return null; }
    }
}
