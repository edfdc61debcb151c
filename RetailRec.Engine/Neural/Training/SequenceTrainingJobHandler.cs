using RetailRec.Engine.Runs;
using RetailRec.Engine.Recommendations.Evaluation;
using RetailRec.Engine.Recommendations.Evaluation.Splits;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Recommendations.Runs;
using RetailRec.Engine.Storage;
using RetailRec.Engine.Neural.Models;

namespace RetailRec.Engine.Neural.Training;

/// <summary>What to train: one sequence model with one loss, on both splits, optionally with the shuffle test.</summary>
public sealed record SequenceTrainingParameters(
    int DatasetId,
    string Model = "SASRec",
    SequenceLoss Loss = SequenceLoss.FullSoftmax,
    int MaxEpochs = 30,
    int Hidden = 64,
    int MaxLength = 50,
    int BatchSize = 128,
    bool ShuffleTest = false,
    int Seed = 42) : IDatasetJobParameters
{
    string IJobParameters.TitleSubject => $"{Model} ({Loss})";
}

/// <summary>One split's training: the evaluation row for the leaderboard plus its loss / validation curve.</summary>
public sealed record SequenceSplitOutcome(string Split, EvaluationResult Result, IReadOnlyList<EpochRecord> History, TrainingSummary? Summary,
    double BlendWeight, EvaluationResult? PureModel);

/// <summary>The run's headline: the models and their test NDCG@10 per split.</summary>
public sealed record SequenceRunSummary(IReadOnlyList<string> Models, IReadOnlyDictionary<string, double> Ndcg10);

/// <summary>The job's stored result.</summary>
public sealed record SequenceTrainingResult(int RunId, ShuffleTestOutcome? Shuffle);

/// <summary>The shuffle test: the same model trained on randomly permuted sequences, on split L.</summary>
public sealed record ShuffleTestOutcome(double OrderedNdcg10, double ShuffledNdcg10, double OrderedRecall10, double ShuffledRecall10)
{
    public double NdcgChange => ShuffledNdcg10 - OrderedNdcg10;
}

/// <summary>
/// Trains GRU4Rec or SASRec as a job (kind "sequence-train"): for each split, Fit on the split's training part with
/// live epoch / loss / validation NDCG@10 / throughput / ETA, then the shared Evaluator ranks the full catalogue,
/// exactly as for the classical models. Results are stored as a run of kind "sequence" with the same EvaluationResult rows
/// as the classical leaderboard, which the Models page puts side by side.
/// Cancel stops within one batch; the model keeps its best weights.
/// </summary>
public sealed class SequenceTrainingJobHandler(DatasetLoader loader, RunStore runs, DataPaths paths)
    : AnalysisJobHandler<SequenceTrainingParameters>(loader, runs, paths), IJobKindHandler
{
    private ShuffleTestOutcome? _shuffle;

    public static JobKind Kind => NeuralJobs.SequenceTraining;

    protected override RunKind RunKind => NeuralJobs.SequenceRun;

    protected override Task<AnalysisOutput> ComputeAsync(SequenceTrainingParameters p, RetailLog log, JobContext context, CancellationToken ct)
    {
        var fingerprint = LogFingerprint.Of(log);
        var splits = new[] { TemporalSplit.Test(log), LeaveLastBasketSplit.Test(log) };
        var steps = splits.Length + (p.ShuffleTest ? 1 : 0);

        var outcomes = new List<SequenceSplitOutcome>();
        for (var s = 0; s < splits.Length; s++)
        {
            var range = context.Range(5 + 89.0 * s / steps, 5 + 89.0 * (s + 1) / steps);
            outcomes.Add(TrainAndEvaluate(p, splits[s], fingerprint, shuffled: false, range, context, CheckpointPath(context, splits[s]), ct));
        }

        if (p.ShuffleTest)
        {
            var split = splits[1];
            var shuffled = TrainAndEvaluate(p, split, fingerprint, shuffled: true, context.Range(5 + 89.0 * 2 / steps, 94), context, null, ct);
            var ordered = outcomes[1].Result;
            _shuffle = new ShuffleTestOutcome(ordered["NDCG@10"], shuffled.Result["NDCG@10"], ordered["Recall@10"], shuffled.Result["Recall@10"]);
            context.Log($"shuffle test on {split.Name}: NDCG@10 {_shuffle.OrderedNdcg10:0.0000} ordered vs {_shuffle.ShuffledNdcg10:0.0000} shuffled");
        }

        var results = outcomes.Select(o => o.Result).Concat(outcomes.Where(o => o.PureModel is not null).Select(o => o.PureModel!)).ToList();
        var artifacts = new RunArtifacts()
            .Add(RecommendationJobs.Artifacts.Results, results)
            .Add(NeuralJobs.Artifacts.Sequence, outcomes)
            .AddIfNotNull(NeuralJobs.Artifacts.Shuffle, _shuffle);
        var summary = new SequenceRunSummary(results.Select(r => r.Model).Distinct().ToList(), results.ToDictionary(r => $"{r.Model}/{r.Split}", r => r["NDCG@10"]));
        return Task.FromResult(new AnalysisOutput($"{p.Model} · {p.Loss}", summary, artifacts));
    }

    protected override object Result(int runId, SequenceTrainingParameters p, AnalysisOutput output) => new SequenceTrainingResult(runId, _shuffle);

    /// <summary>The best weights are written here during training (temp file + move), so a cancelled job keeps them.</summary>
    private string CheckpointPath(JobContext context, NextBasketSplit split)
    {
        Directory.CreateDirectory(NeuralJobs.CheckpointFolder(Paths));
        return NeuralJobs.CheckpointPath(Paths, context.JobId, split.Name);
    }

    private static SequenceSplitOutcome TrainAndEvaluate(SequenceTrainingParameters p, NextBasketSplit split, string fingerprint, bool shuffled,
        IProgress<(double Fraction, string Step)> range, JobContext context, string? checkpoint, CancellationToken ct)
    {
        var options = new SequenceRecommenderOptions
        {
            Hidden = p.Hidden, MaxLength = p.MaxLength, BatchSize = p.BatchSize, MaxEpochs = p.MaxEpochs, Loss = p.Loss,
            ShuffleSequences = shuffled, Seed = p.Seed, Blocks = p.Model == "GRU4Rec" ? 1 : 2, CheckpointPath = checkpoint,
        };
        SequenceRecommender model = p.Model == "GRU4Rec" ? new Gru4RecRecommender(options) : new SasRecRecommender(options);
        var tag = $"{model.Name}{(shuffled ? " (shuffled)" : "")} on {split.Name}";
        model.TrainingProgress = new SyncProgress<NeuralTrainingProgress>(t =>
        {
            var fraction = ((t.Epoch - 1) + (double)t.Batch / Math.Max(1, t.BatchesPerEpoch)) / t.MaxEpochs;
            var val = t.ValidationNdcg10 is double v ? $", val NDCG@10 {v:0.0000}" : "";
            range.Report((Math.Clamp(fraction, 0, 0.97),
                $"{tag}: epoch {t.Epoch}/{t.MaxEpochs}, loss {t.Loss:0.000}{val}, {t.SequencesPerSecond:0} seq/s, ETA {t.EtaToMaxEpochs:mm\\:ss}"));
        });
        context.Log($"training {tag} ({split.Cases.Count} test customers)");
        var result = Evaluator.Evaluate(model, split, fingerprint, ct) with { Model = shuffled ? model.Name + " (shuffled)" : model.Name };
        // The blend with personal purchase counts is tuned on validation; also report the pure model honestly.
        EvaluationResult? pure = null;
        if (!shuffled && model.UseBlend && model.BlendWeight > 0)
        {
            model.UseBlend = false;
            pure = Evaluator.Evaluate(model, split, fingerprint, ct, fit: false) with { Model = model.Name + " (pure)", TrainSeconds = result.TrainSeconds };
            model.UseBlend = true;
        }
        var summary = model.Summary;
        context.Log($"{tag}: best epoch {summary?.BestEpoch}, val NDCG@10 {summary?.BestValidationNdcg10:0.0000}, test NDCG@10 {result["NDCG@10"]:0.0000}, {result.TrainSeconds:0} s");
        range.Report((1, $"{tag}: done"));
        return new SequenceSplitOutcome(split.Name, result, model.History.ToList(), summary, model.BlendWeight, pure);
    }
}
