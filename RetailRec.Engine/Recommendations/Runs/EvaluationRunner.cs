using System.Diagnostics;
using RetailRec.Engine.Recommendations.Evaluation;
using RetailRec.Engine.Recommendations.Evaluation.Splits;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Recommendations;
using RetailRec.Engine.Recommendations.Catalog;

namespace RetailRec.Engine.Recommendations.Runs;

/// <summary>The outcome of evaluating the catalogue on both split kinds (before it is stored).</summary>
public sealed record EvaluationOutcome(IReadOnlyList<EvaluationResult> Results, IReadOnlyList<SplitInfo> Splits, HoldoutArtifact Holdout,
    IReadOnlyList<(NextBasketSplit Validation, NextBasketSplit Test)> SplitPairs, string Fingerprint, double Seconds)
{
    /// <summary>The learned ranker's objective, candidate recall and feature importance per test split (empty without it).</summary>
    public IReadOnlyList<Ranking.RankerCard> RankerCards { get; init; } = [];
}

/// <summary>
/// Trains every chosen model family on the training part of split T and split L and evaluates it with the one
/// <see cref="Evaluator"/> (full-catalogue ranking). Validation rows are kept too, so the leaderboard shows how close
/// validation and test agree. Progress is reported per model and split.
/// </summary>
public static class EvaluationRunner
{
    public static EvaluationOutcome Run(RetailLog log, EvaluationJobParameters p, IProgress<(double Fraction, string Step)>? progress,
        Action<string>? logLine, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        var fingerprint = LogFingerprint.Of(log);
        var families = ModelCatalog.Select(p.Models);
        if (families.Count == 0) throw new ArgumentException("None of the requested models exists: " + string.Join(", ", p.Models ?? []));
        progress?.Report((0, "Building splits T and L"));
        var pairs = new List<(NextBasketSplit Validation, NextBasketSplit Test)>
        {
            (TemporalSplit.Validation(log, p.HoldoutDays), TemporalSplit.Test(log, p.HoldoutDays)),
            (LeaveLastBasketSplit.Validation(log), LeaveLastBasketSplit.Test(log)),
        };
        var splits = pairs.SelectMany(x => new[] { x.Validation, x.Test })
            .Select(s => new SplitInfo(s.Name, s.Cases.Count, s.Train.Baskets.Length, s.DroppedTargets)).ToList();
        foreach (var s in splits) logLine?.Invoke($"split {s.Name}: {s.Cases} customers, {s.TrainBaskets} training baskets, {s.DroppedTargets} unrankable targets dropped");
        if (splits.FirstOrDefault(s => s.Cases == 0 || s.TrainBaskets == 0) is { } empty)
            throw new Jobs.NotEnoughDataException("an evaluation",
                $"split {empty.Name} has {empty.Cases} customers to evaluate and {empty.TrainBaskets} baskets to train on " +
                $"(the purchases span {(log.LastTime - log.FirstTime).TotalDays:0} days, the holdout is {p.HoldoutDays} days and each customer needs an earlier basket)");

        var steps = pairs.Count * families.Sum(f => (p.Tune ? f.Variants.Count : 1) + 1);
        var done = 0;
        var results = new List<EvaluationResult>();
        var rankerCards = new List<Ranking.RankerCard>();
        EvaluationResult Step(IRecommender model, string family, NextBasketSplit split)
        {
            ct.ThrowIfCancellationRequested();
            progress?.Report(((double)done / steps, $"{family} on {split.Name} ({done + 1}/{steps})"));
            var r = Evaluator.Evaluate(model, split, fingerprint, ct) with { Model = family };
            done++;
            logLine?.Invoke($"{family,-22} {split.Name,-7} NDCG@10 {r["NDCG@10"]:0.0000}  Recall@10 {r["Recall@10"]:0.0000}  fit {r.TrainSeconds:0.0} s, score {r.ScoreSeconds:0.0} s");
            if (model is Ranking.LearnedRanker ranker)
            {
                if (split.Part == "test") rankerCards.Add(Ranking.RankerCard.From(ranker, split));
                ranker.Dispose();
            }
            return r;
        }

        foreach (var (validation, test) in pairs)
            foreach (var family in families)
            {
                EvaluationResult chosenOnValidation;
                Func<IRecommender> make;
                if (p.Tune)
                {
                    var tried = family.Variants.Select(v => (v, r: Step(v(), family.Name, validation))).ToList();
                    (make, chosenOnValidation) = tried.MaxBy(t => double.IsNaN(t.r["NDCG@10"]) ? double.MinValue : t.r["NDCG@10"]);
                }
                else
                {
                    make = family.Variants[family.DefaultVariant];
                    chosenOnValidation = Step(make(), family.Name, validation);
                }
                results.Add(chosenOnValidation);
                results.Add(Step(make(), family.Name, test));
            }
        progress?.Report((1, "Evaluated"));
        return new EvaluationOutcome(results, splits, Holdout(pairs.Select(x => x.Test)), pairs, fingerprint, sw.Elapsed.TotalSeconds)
        {
            RankerCards = rankerCards,
        };
    }

    /// <summary>Each test case's targets as stock codes, keyed by the original customer id.</summary>
    public static HoldoutArtifact Holdout(IEnumerable<NextBasketSplit> tests) => new(tests.ToDictionary(
        t => t.Name,
        t => t.Cases.ToDictionary(c => t.Train.CustomerIds[c.Customer], c => string.Join(' ', c.Targets.Select(i => t.Train.ItemCodes[i])))));
}
