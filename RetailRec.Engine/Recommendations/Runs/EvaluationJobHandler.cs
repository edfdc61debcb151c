using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Recommendations.Evaluation;
using RetailRec.Engine.Recommendations.Evaluation.Splits;
using RetailRec.Engine.Runs;
using RetailRec.Engine.Storage;

namespace RetailRec.Engine.Recommendations.Runs;

/// <summary>
/// The "evaluation" job: every classical model on splits T and L of one dataset, stored as one evaluation run (the
/// leaderboard's experiment record: model, parameters, data fingerprint, split, metrics, timings, code version), with
/// each test customer's held-out items and the split files (run-&lt;id&gt;/T and run-&lt;id&gt;/L).
/// </summary>
public sealed class EvaluationJobHandler(DatasetLoader loader, RunStore runs, DataPaths paths)
    : AnalysisJobHandler<EvaluationJobParameters>(loader, runs, paths), IJobKindHandler
{
    private int _resultRows; // a handler serves one job (scoped), so the count can wait here for the result

    public static JobKind Kind => RecommendationJobs.Evaluation;

    protected override RunKind RunKind => RecommendationJobs.EvaluationRun;

    protected override Task ValidateAsync(EvaluationJobParameters p, CancellationToken ct) =>
        p.HoldoutDays is < 1 or > 365 ? throw new ArgumentException("The holdout must be 1 to 365 days.") : Task.CompletedTask;

    protected override async Task<AnalysisOutput> ComputeAsync(EvaluationJobParameters p, RetailLog log, JobContext context, CancellationToken ct)
    {
        if (log.Baskets.Length == 0) throw new NotEnoughDataException("an evaluation", "the dataset has no purchases by known customers to evaluate on");
        context.Log($"{log.Baskets.Length} baskets, {log.CustomerCount} customers, {log.ItemCount} items; holdout {p.HoldoutDays} days{(p.Tune ? ", tuning on validation" : "")}");

        var outcome = await Task.Run(() => EvaluationRunner.Run(log, p, context.Range(5, 92), context.Log, ct), ct);

        context.Report(93, "Writing split files");
        var staging = StagingFolder(context);
        foreach (var (validation, test) in outcome.SplitPairs)
            SplitFiles.Write(Path.Combine(staging, test.Kind), validation, test);

        var summary = new EvaluationRunSummary(outcome.Fingerprint, LogFingerprint.CodeVersion(), p.HoldoutDays, p.Tune,
            outcome.Results.Select(r => r.Model).Distinct().ToList(), outcome.Splits, EvaluationResults.Best(outcome.Results), outcome.Seconds);
        foreach (var b in summary.Best) context.Log($"best on {b.Split}: {b.Model} (NDCG@10 {b.Ndcg10:0.0000})");
        var artifacts = new RunArtifacts()
            .Add(RecommendationJobs.Artifacts.Results, outcome.Results.ToList())
            .Add(RecommendationJobs.Artifacts.Holdout, outcome.Holdout);
        if (outcome.RankerCards.Count > 0) artifacts.Add(RecommendationJobs.Artifacts.RankerCards, outcome.RankerCards.ToList());
        _resultRows = outcome.Results.Count;
        return new AnalysisOutput(p.Label ?? $"{(p.Tune ? "tuned" : "defaults")} · holdout {p.HoldoutDays} d", summary, artifacts, staging);
    }

    protected override object Result(int runId, EvaluationJobParameters p, AnalysisOutput output) =>
        new EvaluationJobResult(runId, p.DatasetId, _resultRows, Paths.RunFiles(runId));
}
