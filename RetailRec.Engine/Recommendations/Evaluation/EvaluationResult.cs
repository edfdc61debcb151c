namespace RetailRec.Engine.Recommendations.Evaluation;

/// <summary>
/// One leaderboard row: a model evaluated on one split. <see cref="Metrics"/> keys look like "NDCG@10",
/// "NDCG@10.repeat", "Recall@20.explore", "Coverage@10", "Gini@10" (docs/EVALUATION.md lists them all).
/// </summary>
public sealed record EvaluationResult(
    string Model,
    string Parameters,
    string DataFingerprint,
    string Split,
    IReadOnlyDictionary<string, double> Metrics,
    int Cases,
    double TrainSeconds,
    double ScoreSeconds,
    string CodeVersion)
{
    public double this[string metric] => Metrics.TryGetValue(metric, out var v) ? v : double.NaN;
}
