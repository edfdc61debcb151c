using System.Text.Json;
using RetailRec.Engine.Data.Runs;
using RetailRec.Engine.Evaluation;
using RetailRec.Engine.Evaluation.Splits;
using RetailRec.Engine.Features;
using RetailRec.Engine.Ingestion;
using RetailRec.Engine.Neural.Models;

namespace RetailRec.Engine.Jobs.Handlers;

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
    int Seed = 42);

/// <summary>One split's training: the evaluation row for the leaderboard plus its loss / validation curve.</summary>
public sealed record SequenceSplitOutcome(string Split, EvaluationResult Result, IReadOnlyList<EpochRecord> History, TrainingSummary? Summary,
    double BlendWeight, EvaluationResult? PureModel);

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
public sealed class SequenceTrainingJobHandler(DatasetLoader loader, RunStore runs) : IJobHandler
{
    public const string KindName = "sequence-train";
    /// <summary>Stored run kind: kept apart from the classical "evaluation" runs, and compared with them on the Models page.</summary>
    public const string RunKind = "sequence";
    public string Kind => KindName;

    public async Task<string?> RunAsync(JobContext context, CancellationToken ct)
    {
        var p = context.Parameters<SequenceTrainingParameters>();
        context.Report(1, "Loading transactions");
        var log = await loader.LoadRetailLogAsync(p.DatasetId, ct);
        var fingerprint = LogFingerprint.Of(log);
        var splits = new[] { TemporalSplit.Test(log), LeaveLastBasketSplit.Test(log) };
        var steps = splits.Length + (p.ShuffleTest ? 1 : 0);

        var outcomes = new List<SequenceSplitOutcome>();
        for (var s = 0; s < splits.Length; s++)
        {
            var range = context.Range(3 + 95.0 * s / steps, 3 + 95.0 * (s + 1) / steps);
            outcomes.Add(TrainAndEvaluate(p, splits[s], fingerprint, shuffled: false, range, context, ct));
        }

        ShuffleTestOutcome? shuffle = null;
        if (p.ShuffleTest)
        {
            var split = splits[1];
            var shuffled = TrainAndEvaluate(p, split, fingerprint, shuffled: true, context.Range(3 + 95.0 * 2 / steps, 98), context, ct);
            var ordered = outcomes[1].Result;
            shuffle = new ShuffleTestOutcome(ordered["NDCG@10"], shuffled.Result["NDCG@10"], ordered["Recall@10"], shuffled.Result["Recall@10"]);
            context.Log($"shuffle test on {split.Name}: NDCG@10 {shuffle.OrderedNdcg10:0.0000} ordered vs {shuffle.ShuffledNdcg10:0.0000} shuffled");
        }

        context.Report(99, "Saving results");
        var label = $"{p.Model} · {p.Loss}";
        var results = outcomes.Select(o => o.Result).Concat(outcomes.Where(o => o.PureModel is not null).Select(o => o.PureModel!)).ToList();
        var artifacts = new Dictionary<string, object> { ["results"] = results, ["sequence"] = outcomes };
        if (shuffle is not null) artifacts["shuffle"] = shuffle;
        var runId = await runs.SaveRunAsync(p.DatasetId, RunKind, label, p,
            new { models = results.Select(r => r.Model).Distinct().ToList(), ndcg10 = results.ToDictionary(r => $"{r.Model}/{r.Split}", r => r["NDCG@10"]) },
            artifacts, context.JobId, ct);
        return JsonSerializer.Serialize(new { runId, shuffle });
    }

    private static SequenceSplitOutcome TrainAndEvaluate(SequenceTrainingParameters p, NextBasketSplit split, string fingerprint, bool shuffled,
        IProgress<(double Fraction, string Step)> range, JobContext context, CancellationToken ct)
    {
        var options = new SequenceRecommenderOptions
        {
            Hidden = p.Hidden, MaxLength = p.MaxLength, BatchSize = p.BatchSize, MaxEpochs = p.MaxEpochs, Loss = p.Loss,
            ShuffleSequences = shuffled, Seed = p.Seed, Blocks = p.Model == "GRU4Rec" ? 1 : 2,
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
