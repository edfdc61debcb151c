using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RetailRec.Engine.Data.Runs;
using RetailRec.Engine.Evaluation;
using RetailRec.Engine.Ingestion;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Recommendation.Serving;

namespace RetailRec.Engine.RecommendationRuns;

public sealed record RecommendTrainParameters(int DatasetId, int? Count = null, string? Label = null);

/// <summary>The lists run's headline.</summary>
public sealed record RecommendTrainSummary(string Fingerprint, string CodeVersion, int Customers, int Items, int Count,
    IReadOnlyList<string> Methods, int? MarketingRunId, double FitSeconds, double PrecomputeSeconds);

public sealed record RecommendTrainResult(int RunId, int DatasetId, int Customers, double FitSeconds, double PrecomputeSeconds);

/// <summary>
/// The "recommend-train" job: fits the serving engine on the dataset's full log (segments from the newest marketing run
/// when there is one), precomputes every customer's top lists for each method and the seven-slot list, stores them as
/// one "recommendations" run, and swaps the fitted engine into <see cref="LiveModels"/> for the live path.
/// </summary>
public sealed class RecommendTrainJobHandler(DatasetLoader loader, RunStore runs, LiveModels live, MarketingRunReader marketing,
    TimeProvider time, IOptions<RecommendationRunOptions> options) : IJobHandler
{
    public string Kind => RecommendationRunKinds.TrainJob;

    public async Task<string?> RunAsync(JobContext context, CancellationToken ct)
    {
        var p = context.Parameters<RecommendTrainParameters>();
        var count = Math.Clamp(p.Count ?? options.Value.PrecomputeCount, 1, RecommendationService.MaxCount);
        context.Report(1, "Loading the dataset");
        var log = await loader.LoadRetailLogAsync(p.DatasetId, ct);
        if (log.Baskets.Length == 0) throw new NotEnoughDataException("recommendations", "the dataset has no purchases by known customers to learn from");

        var fitProgress = context.Range(10, 45);
        var model = await LiveModels.FitAsync(p.DatasetId, log, marketing, time,
            new SyncProgress<double>(f => fitProgress.Report((f, "Fitting the models"))), ct);
        context.Log($"engine fitted in {model.FitSeconds:0.0} s on {log.Baskets.Length} baskets" +
                    (model.MarketingRunId is int m ? $"; segments from marketing run {m}" : "; no marketing run, so Segment = popularity"));

        var sw = Stopwatch.StartNew();
        var artifacts = await Task.Run(() => Precompute(model, count, context, ct), ct);
        var precomputeSeconds = sw.Elapsed.TotalSeconds;
        context.Log($"{log.CustomerCount} customers x {artifacts.Count} lists of {count} precomputed in {precomputeSeconds:0.0} s");

        context.Report(93, "Storing the lists");
        var summary = new RecommendTrainSummary(LogFingerprint.Of(log), LogFingerprint.CodeVersion(), log.CustomerCount, log.ItemCount, count,
            Enum.GetNames<ServingMethod>(), model.MarketingRunId, model.FitSeconds, precomputeSeconds);
        var runId = await runs.SaveRunAsync(p.DatasetId, RecommendationRunKinds.ListsRun, p.Label ?? $"top {count} per method", p, summary,
            artifacts.ToDictionary(a => RecommendationRunKinds.ListsArtifact(a.Key), a => (object)a.Value), context.JobId, ct);
        live.Publish(model);
        return JsonSerializer.Serialize(new RecommendTrainResult(runId, p.DatasetId, log.CustomerCount, model.FitSeconds, precomputeSeconds), JobJson.Options);
    }

    private static Dictionary<ServingMethod, PrecomputedLists> Precompute(LiveModel model, int count, JobContext context, CancellationToken ct)
    {
        var engine = model.Engine;
        var log = model.Log;
        var result = new Dictionary<ServingMethod, PrecomputedLists>();
        var methods = Enum.GetValues<ServingMethod>();
        var cold = engine.Recommend(-1, RecommendationMethod.Popular, new RecommendOptions(count));
        var sw = System.Diagnostics.Stopwatch.StartNew();
        for (var k = 0; k < methods.Length; k++)
        {
            var method = methods[k];
            context.Report(45 + 47.0 * k / methods.Length, $"Precomputing {method} for {log.CustomerCount} customers");
            sw.Restart();
            IReadOnlyList<IReadOnlyList<RecommendedItem>> lists;
            if (method.ToEngine() is { } m)
            {
                var batch = engine.Precompute(m, new RecommendOptions(count), ct);
                lists = Enumerable.Range(0, log.CustomerCount).Select(batch.For).ToArray();
            }
            else
            {
                var seven = new IReadOnlyList<RecommendedItem>[log.CustomerCount];
                Parallel.For(0, seven.Length, new ParallelOptions { CancellationToken = ct }, c => seven[c] = engine.SevenSlots(c).All.ToArray());
                lists = seven;
            }
            context.Log($"{method}: {log.CustomerCount} lists in {sw.Elapsed.TotalSeconds:0.0} s");
            result[method] = PrecomputedLists.Build(method.ToString(), log, lists, method == ServingMethod.SevenSlots ? cold.Take(7).ToArray() : cold);
        }
        return result;
    }
}
