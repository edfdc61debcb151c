using RetailRec.Engine.Recommendations.Evaluation.Splits;

namespace RetailRec.Engine.Recommendations.Ranking;

public sealed record FeatureGain(string Feature, double Gain);

/// <summary>
/// The ranker of one test split as the Models page shows it: the objective that won on held-out validation customers,
/// candidate recall (share of the split's targets in the pool: the ranker's ceiling) and the trees' gain-based
/// feature importance (normalised so the largest is 1).
/// </summary>
public sealed record RankerCard(string Split, string Labels, string Objective, IReadOnlyDictionary<string, double> HoldoutNdcg10,
    double CandidateRecall, double LabelCandidateRecall, int TrainingRows, IReadOnlyList<FeatureGain> Importance)
{
    public static RankerCard From(LearnedRanker ranker, NextBasketSplit split)
    {
        var r = ranker.Report ?? throw new InvalidOperationException("the ranker has not been fitted");
        return new RankerCard(split.Name, ranker.Options.Labels.ToString(), r.Chosen.ToString(),
            r.HoldoutNdcg10.ToDictionary(p => p.Key.ToString(), p => double.IsNaN(p.Value) ? 0 : p.Value),
            ranker.CandidateRecall(split), r.LabelCandidateRecall, r.TrainingRows,
            r.Importance.Select(p => new FeatureGain(p.Feature, p.Gain)).ToList());
    }
}
