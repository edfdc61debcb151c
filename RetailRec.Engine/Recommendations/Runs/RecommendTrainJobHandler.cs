using System.Diagnostics;
using Microsoft.Extensions.Options;
using RetailRec.Engine.Runs;
using RetailRec.Engine.Recommendations.Evaluation;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Storage;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Recommendations.Serving;

namespace RetailRec.Engine.Recommendations.Runs;

public sealed record RecommendTrainParameters(int DatasetId, int? Count = null, string? Label = null) : IDatasetJobParameters;

/// <summary>The lists run's headline.</summary>
public sealed record RecommendTrainSummary(string Fingerprint, string CodeVersion, int Customers, int Items, int Count,
    IReadOnlyList<string> Methods, int? MarketingRunId, double FitSeconds, double PrecomputeSeconds);

public sealed record RecommendTrainResult(int RunId, int DatasetId, int Customers, double FitSeconds, double PrecomputeSeconds);

/// <summary>
/// The "recommend-train" job: fits the serving engine on the dataset's full log (segments from the newest marketing run
/// when there is one), precomputes every customer's top lists for each method and the seven-slot list, stores them as
/// one "recommendations" run, and swaps the fitted engine into <see cref="LiveModels"/> for the live path.
/// </summary>
public sealed class RecommendTrainJobHandler(DatasetLoader loader, RunStore runs, DataPaths paths, LiveModels live, ICustomerSegmentSource segments,
    TimeProvider time, IOptions<RecommendationRunOptions> options)
    : AnalysisJobHandler<RecommendTrainParameters>(loader, runs, paths), IJobKindHandler
{
    private LiveModel? _model;
    private RecommendTrainSummary? _summary;

    public static JobKind Kind => RecommendationJobs.Train;

    protected override RunKind RunKind => RecommendationJobs.ListsRun;

    protected override async Task<AnalysisOutput> ComputeAsync(RecommendTrainParameters p, RetailLog log, JobContext context, CancellationToken ct)
    {
        var count = Math.Clamp(p.Count ?? options.Value.PrecomputeCount, 1, RecommendationService.MaxCount);
        if (log.Baskets.Length == 0) throw new NotEnoughDataException("recommendations", "the dataset has no purchases by known customers to learn from");

        var fitProgress = context.Range(10, 45);
        var model = await LiveModels.FitAsync(p.DatasetId, log, segments, time,
            new SyncProgress<double>(f => fitProgress.Report((f, "Fitting the models"))), ct);
        context.Log($"engine fitted in {model.FitSeconds:0.0} s on {log.Baskets.Length} baskets" +
                    (model.MarketingRunId is int m ? $"; segments from marketing run {m}" : "; no marketing run, so Segment = popularity"));
        context.Log($"Personalized is served by {model.Engine.Personalized.Model}: {model.Engine.Personalized.Why}");

        var sw = Stopwatch.StartNew();
        var lists = await Task.Run(() => Precompute(model, count, context, ct), ct);
        var precomputeSeconds = sw.Elapsed.TotalSeconds;
        context.Log($"{log.CustomerCount} customers x {lists.Count} lists of {count} precomputed in {precomputeSeconds:0.0} s");

        _model = model;
        _summary = new RecommendTrainSummary(LogFingerprint.Of(log), LogFingerprint.CodeVersion(), log.CustomerCount, log.ItemCount, count,
            Enum.GetNames<ServingMethod>(), model.MarketingRunId, model.FitSeconds, precomputeSeconds);
        var artifacts = new RunArtifacts();
        foreach (var (method, list) in lists) artifacts.Add(RecommendationJobs.Artifacts.Lists(method), list);
        return new AnalysisOutput(p.Label ?? $"top {count} per method", _summary, artifacts);
    }

    protected override object Result(int runId, RecommendTrainParameters p, AnalysisOutput output)
    {
        // The lists are stored: now the live path may serve the same engine.
        live.Publish(_model!);
        return new RecommendTrainResult(runId, p.DatasetId, _summary!.Customers, _summary.FitSeconds, _summary.PrecomputeSeconds);
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
