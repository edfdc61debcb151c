using RetailRec.Engine.Recommendations.Evaluation;
using RetailRec.Engine.Recommendations.Evaluation.Splits;
using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Engine.Recommendations.Ranking;

/// <summary>Which model answers "Personalized" for a dataset, and the validation figures that chose it.</summary>
public sealed record PersonalizedChoice(string Model, string Why, double? RepeatAwareNdcg10, double? RankerNdcg10);

/// <summary>
/// Picks the served "Personalized" model per dataset: the hand-built RepeatAware blend or the learned ranker, whichever
/// has the higher NDCG@10 on the dataset's VALIDATION split T (the same rows the leaderboard tunes on; never the test
/// window). Datasets with fewer than <see cref="MinValidationCustomers"/> validation customers keep RepeatAware:
/// trees with 50-row leaves cannot learn from a handful of customers, and the comparison would be noise.
/// </summary>
public static class PersonalizedSelector
{
    public const int MinValidationCustomers = 100;

    public static PersonalizedChoice Choose(RetailLog log, Func<IRecommender> repeatAware, RankerOptions? options = null, CancellationToken ct = default)
    {
        var validation = TemporalSplit.Validation(log);
        if (validation.Cases.Count < MinValidationCustomers)
            return new PersonalizedChoice("RepeatAware", $"only {validation.Cases.Count} validation customers: too few to learn a ranker", null, null);
        var fingerprint = LogFingerprint.Of(validation.Train);
        var baseline = Evaluator.Evaluate(repeatAware(), validation, fingerprint, ct)["NDCG@10"];
        using var ranker = new LearnedRanker(options);
        var learned = Evaluator.Evaluate(ranker, validation, fingerprint, ct)["NDCG@10"];
        return learned > baseline
            ? new PersonalizedChoice("Ranker", $"learned ranker NDCG@10 {learned:0.0000} > RepeatAware {baseline:0.0000} on validation T", baseline, learned)
            : new PersonalizedChoice("RepeatAware", $"RepeatAware NDCG@10 {baseline:0.0000} >= learned ranker {learned:0.0000} on validation T", baseline, learned);
    }
}

/// <summary>What serves "Personalized": chosen per dataset on validation (the default), or fixed.</summary>
public enum PersonalizedModel { BestOnValidation, RepeatAware, Ranker }
