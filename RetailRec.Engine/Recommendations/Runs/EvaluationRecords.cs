using RetailRec.Engine.Recommendations.Evaluation;
using RetailRec.Engine.Runs;

namespace RetailRec.Engine.Recommendations.Runs;

/// <summary>
/// What an evaluation job runs with. <see cref="Tune"/> chooses each family's variant on the validation split by
/// NDCG@10 (slow: every grid point is trained); without it each family's default variant is evaluated on validation and
/// test. <see cref="Models"/> limits the families (null = every classical model).
/// </summary>
public sealed record EvaluationJobParameters(
    int DatasetId,
    int HoldoutDays = Evaluation.Splits.TemporalSplit.DefaultHoldoutDays,
    bool Tune = false,
    IReadOnlyList<string>? Models = null,
    string? Label = null) : IDatasetJobParameters;

/// <summary>The run's headline: enough for the run history list and the compare view without loading artifacts.</summary>
public sealed record EvaluationRunSummary(string Fingerprint, string CodeVersion, int HoldoutDays, bool Tuned,
    IReadOnlyList<string> Models, IReadOnlyList<SplitInfo> Splits, IReadOnlyList<BestModel> Best, double Seconds);

public sealed record SplitInfo(string Name, int Cases, int TrainBaskets, int DroppedTargets);

/// <summary>The leader of one test split by NDCG@10.</summary>
public sealed record BestModel(string Split, string Model, double Ndcg10, double Recall10);

/// <summary>
/// Each test customer's held-out items per test split: split name -> customer id -> space-separated stock codes (the
/// split files' own encoding, compact enough for every customer). Customer 360 highlights these.
/// </summary>
public sealed record HoldoutArtifact(IReadOnlyDictionary<string, Dictionary<string, string>> BySplit)
{
    public IReadOnlySet<string> ItemsOf(string split, string customerId) =>
        BySplit.TryGetValue(split, out var m) && m.TryGetValue(customerId, out var codes)
            ? codes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : new HashSet<string>();
}

/// <summary>The evaluation job's stored result.</summary>
public sealed record EvaluationJobResult(int RunId, int DatasetId, int Results, string ExportDirectory);

public static class EvaluationResults
{
    /// <summary>The leader per test split (NaN metrics never win).</summary>
    public static IReadOnlyList<BestModel> Best(IEnumerable<EvaluationResult> results) =>
        results.Where(r => r.Split.EndsWith("-test") && !double.IsNaN(r["NDCG@10"]))
            .GroupBy(r => r.Split).OrderBy(g => g.Key)
            .Select(g => g.MaxBy(r => r["NDCG@10"])!)
            .Select(r => new BestModel(r.Split, r.Model, r["NDCG@10"], r["Recall@10"]))
            .ToList();
}
