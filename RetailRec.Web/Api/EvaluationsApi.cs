using RetailRec.Engine.Datasets;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Recommendations.Evaluation;
using RetailRec.Engine.Recommendations.Runs;
using RetailRec.Engine.Storage;

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
        g.MapGet("/", async (int? datasetId, DatasetService datasets, EvaluationRuns runs, CancellationToken ct) =>
        {
            var id = await datasets.ResolveIdAsync(datasetId, ct);
            if (id is null) return Results.Ok(Array.Empty<EvaluationRunDto>());
            return Results.Ok((await runs.ListAsync(id.Value, ct)).Select(Dto));
        });
        g.MapGet("/{runId:int}", async (int runId, EvaluationRuns runs, CancellationToken ct) =>
        {
            if (await runs.GetAsync(runId, ct) is not { } run) return RunNotFound(runId);
            var files = runs.SplitFiles(runId).Select(f => Links.EvaluationSplit(runId, f.Kind, f.File)).ToList();
            return Results.Ok(new EvaluationRunDetail(Dto(run), await runs.ResultsAsync(runId, ct), files));
        });
        g.MapPost("/", async (EvaluateRequest? body, DatasetService datasets, EvaluationRuns runs, CancellationToken ct) =>
        {
            if (await datasets.ResolveIdAsync(body?.DatasetId, ct) is not int id)
                return Results.Problem(statusCode: 404, title: body?.DatasetId is int d ? $"Dataset {d} not found." : "There is no dataset yet: import one first.");
            try
            {
                var jobId = await runs.QueueAsync(id, body?.HoldoutDays ?? 30, body?.Tune ?? false, body?.Models, ct);
                return Results.Accepted($"/api/jobs/{jobId}", new { jobId });
            }
            catch (ArgumentException ex) { return Results.Problem(statusCode: 400, title: ex.Message); }
        }).DisableAntiforgery();
        g.MapDelete("/{runId:int}", async (int runId, EvaluationRuns runs, CancellationToken ct) =>
            await runs.GetAsync(runId, ct) is not null && await runs.DeleteAsync(runId, ct) ? Results.NoContent() : RunNotFound(runId));
        g.MapGet("/{runId:int}/splits/{kind}/{file}", async (int runId, string kind, string file, EvaluationRuns runs, CancellationToken ct) =>
        {
            if (runs.SplitFilePath(runId, kind, file) is not { } path) return Results.Problem(statusCode: 404, title: $"No split file {kind}/{file}");
            if (await runs.GetAsync(runId, ct) is null) return RunNotFound(runId);
            return File.Exists(path) ? Results.File(path, "text/csv; charset=utf-8", $"run{runId}_{kind}_{file}")
                : Results.Problem(statusCode: 404, title: $"Run {runId} has no {kind}/{file}");
        });

        api.MapPost("/recommendations/train", async (int? datasetId, DatasetService datasets, JobService jobs, CancellationToken ct) =>
        {
            if (await datasets.ResolveIdAsync(datasetId, ct) is not int id) return Results.Problem(statusCode: 404, title: "Dataset not found.");
            var jobId = await jobs.EnqueueAsync(RecommendationJobs.Train, new RecommendTrainParameters(id), ct);
            return Results.Accepted($"/api/jobs/{jobId}", new { jobId });
        }).WithTags("Recommendations").DisableAntiforgery();
    }

    private static IResult RunNotFound(int runId) => Results.Problem(statusCode: 404, title: $"Evaluation run {runId} not found");

    private static EvaluationRunDto Dto(AnalysisRunEntity r) => new(r.Id, r.DatasetId, r.Label, r.CreatedAtUtc, r.JobId, EvaluationRuns.Summary(r));
}
