using System.Text.Json;
using Microsoft.Extensions.Options;
using RetailRec.Engine.Data.Runs;
using RetailRec.Engine.Evaluation;
using RetailRec.Engine.Evaluation.Splits;
using RetailRec.Engine.Ingestion;
using RetailRec.Engine.Jobs;

namespace RetailRec.Engine.RecommendationRuns;

/// <summary>
/// The "evaluation" job: every classical model on splits T and L of one dataset, stored as one evaluation run (the
/// leaderboard's experiment record: model, parameters, data fingerprint, split, metrics, timings, code version), with
/// each test customer's held-out items and the split files (run-&lt;id&gt;/T and run-&lt;id&gt;/L under the exports root).
/// </summary>
public sealed class EvaluationJobHandler(DatasetLoader loader, RunStore runs, IOptions<MarketingRuns.MarketingRunOptions> exports) : IJobHandler
{
    public string Kind => RecommendationRunKinds.EvaluationJob;

    public async Task<string?> RunAsync(JobContext context, CancellationToken ct)
    {
        var p = context.Parameters<EvaluationJobParameters>();
        if (p.HoldoutDays is < 1 or > 365) throw new ArgumentException("The holdout must be 1 to 365 days.");
        context.Report(1, "Loading the dataset");
        var log = await loader.LoadRetailLogAsync(p.DatasetId, ct);
        if (log.Baskets.Length == 0) throw new NotEnoughDataException("an evaluation", "the dataset has no purchases by known customers to evaluate on");
        context.Log($"{log.Baskets.Length} baskets, {log.CustomerCount} customers, {log.ItemCount} items; holdout {p.HoldoutDays} days{(p.Tune ? ", tuning on validation" : "")}");

        var outcome = await Task.Run(() => EvaluationRunner.Run(log, p, context.Range(5, 92), context.Log, ct), ct);

        context.Report(93, "Storing the run");
        var label = p.Label ?? $"{(p.Tune ? "tuned" : "defaults")} · holdout {p.HoldoutDays} d";
        var summary = new EvaluationRunSummary(outcome.Fingerprint, LogFingerprint.CodeVersion(), p.HoldoutDays, p.Tune,
            outcome.Results.Select(r => r.Model).Distinct().ToList(), outcome.Splits, EvaluationResults.Best(outcome.Results), outcome.Seconds);
        var artifacts = new Dictionary<string, object>
        {
            [RecommendationRunKinds.ResultsArtifact] = outcome.Results.ToList(),
            [RecommendationRunKinds.HoldoutArtifact] = outcome.Holdout,
        };
        var runId = await runs.SaveRunAsync(p.DatasetId, RecommendationRunKinds.EvaluationRun, label, p, summary, artifacts, context.JobId, ct);

        context.Report(96, "Writing split files");
        var o = exports.Value;
        foreach (var (validation, test) in outcome.SplitPairs)
            SplitFiles.Write(o.SplitDirectory(runId, test.Kind), validation, test);
        context.Log($"run {runId} stored; split files in {o.RunExportDirectory(runId)}");
        foreach (var b in summary.Best) context.Log($"best on {b.Split}: {b.Model} (NDCG@10 {b.Ndcg10:0.0000})");
        return JsonSerializer.Serialize(new EvaluationJobResult(runId, p.DatasetId, outcome.Results.Count, o.RunExportDirectory(runId)), JobJson.Options);
    }
}
