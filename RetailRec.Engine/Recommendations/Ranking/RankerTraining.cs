using RetailRec.Engine.Recommendations.Evaluation;

namespace RetailRec.Engine.Recommendations.Ranking;

/// <summary>What the fit chose and why (shown with the leaderboard row and on the Models page).</summary>
public sealed record RankerFitReport(RankerObjective Chosen, IReadOnlyDictionary<RankerObjective, double> HoldoutNdcg10,
    double LabelCandidateRecall, int TrainingRows, int TrainingCustomers, int HoldoutCustomers, DateTime FeatureDate,
    IReadOnlyList<(string Feature, double Gain)> Importance)
{
    public double ExampleSeconds { get; init; }
    public double TrainSeconds { get; init; }
    public double PrepareSeconds { get; init; }
}

/// <summary>
/// Trains the ranker's trees on <see cref="RankerExamples"/>: a seeded share of the label customers is held out;
/// it drives LightGBM's early stopping and, when the objective is <see cref="RankerObjective.Auto"/>, the choice between
/// LambdaRank and binary log-loss by NDCG@10 over the held-out customers' full pools (targets outside the pool count
/// as misses, as in the evaluator).
/// </summary>
public static class RankerTraining
{
    public static (GradientBoostedTrees Model, float[] Reference, RankerFitReport Report) Train(RankerExamples examples, RankerOptions o)
    {
        var rng = new Random(o.Seed);
        var order = examples.Groups.Select(g => (g, key: rng.NextDouble())).ToList();
        var holdout = order.Where(t => t.key < o.HoldoutShare).Select(t => t.g).ToList();
        var fit = order.Where(t => t.key >= o.HoldoutShare && t.g.Bought.Any(b => b)).Select(t => t.g).ToList();
        if (fit.Count == 0) throw new InvalidOperationException("the ranker has no label customer with a target in the candidate pool to learn from");
        var train = Sample(fit, o);
        var valid = Sample(holdout.Where(g => g.Bought.Any(b => b)).ToList(), o with { NegativesPerCustomer = int.MaxValue });
        var settings = new GbmSettings
        {
            MaxTrees = o.MaxTrees, EarlyStoppingRounds = o.EarlyStoppingRounds, Leaves = o.Leaves,
            LearningRate = o.LearningRate, MinRowsPerLeaf = o.MinRowsPerLeaf, Seed = o.Seed,
        };
        var objectives = o.Objective == RankerObjective.Auto ? [RankerObjective.LambdaRank, RankerObjective.Binary] : new[] { o.Objective };
        var tried = new List<(RankerObjective Objective, GradientBoostedTrees Model, double Ndcg)>();
        foreach (var objective in objectives)
        {
            var model = GradientBoostedTrees.Train(objective == RankerObjective.Binary ? GbmObjective.Binary : GbmObjective.LambdaRank,
                train, valid.Count > 0 ? valid : null, settings);
            tried.Add((objective, model, holdout.Count == 0 ? double.NaN : HoldoutNdcg(model, holdout)));
        }
        var best = tried.MaxBy(t => double.IsNaN(t.Ndcg) ? double.MinValue : t.Ndcg);
        foreach (var t in tried) if (t.Model != best.Model) t.Model.Dispose();
        var reference = MeanRow(train);
        var importance = RankerFeatures.Names.Zip(best.Model.Importance, (n, g) => (n, (double)g)).OrderByDescending(p => p.Item2).ToList();
        return (best.Model, reference, new RankerFitReport(best.Objective, tried.ToDictionary(t => t.Objective, t => t.Ndcg),
            examples.CandidateRecall, train.Count, fit.Count, holdout.Count, examples.FeatureDate, importance));
    }

    /// <summary>All positives and up to <see cref="RankerOptions.NegativesPerCustomer"/> seeded random negatives per customer.</summary>
    private static GbmData Sample(IReadOnlyList<RankerGroup> groups, RankerOptions o)
    {
        var w = RankerFeatures.Count;
        var values = new List<float>();
        var labels = new List<float>();
        var ids = new List<uint>();
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            var negatives = Enumerable.Range(0, group.Items.Length).Where(k => !group.Bought[k]).ToArray();
            if (negatives.Length > o.NegativesPerCustomer)
            {
                new Random(unchecked(o.Seed * 7919 + group.Customer)).Shuffle(negatives);
                negatives = negatives[..o.NegativesPerCustomer];
            }
            var keep = negatives.ToHashSet();
            for (var k = 0; k < group.Items.Length; k++)
            {
                if (!group.Bought[k] && !keep.Contains(k)) continue;
                values.AddRange(group.Rows.AsSpan(k * w, w));
                labels.Add(group.Bought[k] ? 1 : 0);
                ids.Add((uint)g);
            }
        }
        return new GbmData(values.ToArray(), w, labels.ToArray(), ids.ToArray());
    }

    private static double HoldoutNdcg(GradientBoostedTrees model, IReadOnlyList<RankerGroup> holdout)
    {
        var w = RankerFeatures.Count;
        var sum = 0.0;
        foreach (var g in holdout)
        {
            var scores = new float[g.Items.Length];
            for (var k = 0; k < scores.Length; k++) scores[k] = model.Score(g.Rows.AsSpan(k * w, w));
            var top = TopK.Select(scores, 10);
            var hits = new HashSet<int>(Enumerable.Range(0, g.Items.Length).Where(k => g.Bought[k]));
            // The ideal list holds min(all targets, 10) hits: targets the pool missed still count against the ranker.
            var dcg = top.Select((k, r) => hits.Contains(k) ? 1 / Math.Log2(r + 2) : 0).Sum();
            var ideal = Enumerable.Range(0, Math.Min(g.TargetCount, 10)).Sum(r => 1 / Math.Log2(r + 2));
            sum += ideal > 0 ? dcg / ideal : 0;
        }
        return sum / holdout.Count;
    }

    private static float[] MeanRow(GbmData data)
    {
        var mean = new float[data.Width];
        for (var r = 0; r < data.Count; r++)
            for (var k = 0; k < data.Width; k++) mean[k] += data.Values[r * data.Width + k] / data.Count;
        return mean;
    }
}
