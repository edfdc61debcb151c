using RetailRec.Engine.Recommendations.Evaluation;
using RetailRec.Engine.Recommendations.Evaluation.Splits;
using RetailRec.Engine.Recommendations;
using RetailRec.Engine.Recommendations.Ranking;

namespace RetailRec.Bench.Suites;

/// <summary>
/// The learned ranker's extra figures in the recs suite (outside the timed pass): per test split its candidate recall,
/// the objective that won on held-out validation customers, the standard error of every model's NDCG@10 over
/// customers, and the paired difference ranker - PersonalFrequency with its standard error and the % lift.
/// </summary>
internal static class RankerReport
{
    public static void Print(IReadOnlyList<NextBasketSplit> tests, IReadOnlyDictionary<(string Split, string Model), IRecommender> models)
    {
        Console.WriteLine("\n-- per-customer NDCG@10: standard error, and the ranker against personal frequency (paired)");
        foreach (var split in tests)
        {
            var perCase = models.Where(p => p.Key.Split == split.Name)
                .ToDictionary(p => p.Key.Model, p => PerCaseNdcg(p.Value, split));
            foreach (var (model, v) in perCase)
                Console.WriteLine($"{model,-22} {split.Name,-7} NDCG@10 {v.Average():F4} ± {StandardError(v):F4} (SE over {v.Length} customers)");
            if (models.GetValueOrDefault((split.Name, "Ranker")) is LearnedRanker ranker && ranker.Report is { } r)
            {
                Console.WriteLine($"Ranker {split.Name}: labels {ranker.Options.Labels}, objective {r.Chosen} (held-out validation NDCG@10 " +
                    string.Join(", ", r.HoldoutNdcg10.Select(p => $"{p.Key} {p.Value:F4}")) + $"), candidate recall {ranker.CandidateRecall(split):P1} " +
                    $"(label window {r.LabelCandidateRecall:P1}), {r.TrainingRows} training rows; fit: examples {r.ExampleSeconds:F1} s, " +
                    $"trees {r.TrainSeconds:F1} s, final features {r.PrepareSeconds:F1} s");
                Console.WriteLine("  importance: " + string.Join(", ", r.Importance.Take(10).Select(p => $"{p.Feature} {p.Gain:F2}")));
                if (perCase.TryGetValue("PersonalFrequency", out var pf))
                {
                    var rk = perCase["Ranker"];
                    var diff = rk.Zip(pf, (a, b) => a - b).ToArray();
                    Console.WriteLine($"  Ranker - PersonalFrequency: {diff.Average():+0.0000;-0.0000} ± {StandardError(diff):F4} (paired SE), " +
                                      $"{rk.Average() / pf.Average() - 1:+0.0%;-0.0%} relative");
                }
            }
        }
    }

    private static double[] PerCaseNdcg(IRecommender model, NextBasketSplit split)
    {
        var lists = Evaluator.RankAll(model, split, 10);
        return split.Cases.Select((c, k) => RankingMetrics.NdcgAt(lists[k], c.Targets.ToHashSet(), 10)).ToArray();
    }

    private static double StandardError(double[] v)
    {
        if (v.Length < 2) return double.NaN;
        var mean = v.Average();
        return Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1) / v.Length);
    }
}
