using System.Diagnostics;
using RetailRec.Engine.Recommendations.Evaluation;
using RetailRec.Engine.Recommendations.Evaluation.Splits;
using RetailRec.Engine.Recommendations;
using RetailRec.Engine.Recommendations.Catalog;

namespace RetailRec.Bench.Suites;

/// <summary>
/// recs: every classical recommender on splits T and L of the real file. Hyper-parameters are chosen per split kind
/// on the VALIDATION split (NDCG@10); the chosen variant is then trained on the test split's training view and
/// evaluated once per repetition. Prints the table, the pass/fail of the quality requirements, and serving latency.
/// </summary>
public sealed class RecSuite : IBenchSuite
{
    public string Name => "recs";
    public string Description => "classical recommenders on splits T and L: tuning on validation, test table, latency";

    public Task RunAsync(BenchContext context)
    {
        var sw = Stopwatch.StartNew();
        var log = RecDataLoader.Load(context.DatasetPath);
        var fp = LogFingerprint.Of(log);
        Console.WriteLine($"loaded {log.Baskets.Length} baskets, {log.CustomerCount} customers, {log.ItemCount} items in {sw.Elapsed.TotalSeconds:F1} s; fingerprint {fp}");
        var kinds = new[] { (Val: TemporalSplit.Validation(log), Test: TemporalSplit.Test(log)), (Val: LeaveLastBasketSplit.Validation(log), Test: LeaveLastBasketSplit.Test(log)) };
        foreach (var (v, t) in kinds)
            foreach (var s in new[] { v, t })
                Console.WriteLine($"split {s.Name}: {s.Cases.Count} cases, {s.Train.Baskets.Length} train baskets, {s.DroppedTargets} unrankable targets dropped");

        // 1. Tuning: validation only.
        sw.Restart();
        var only = Options.Str(context.Args, "--families", "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var families = ModelCatalog.Classical().Where(f => only.Length == 0 || only.Contains(f.Name)).ToList();
        var chosen = new Dictionary<(string Kind, string Family), Func<IRecommender>>();
        Console.WriteLine("\n-- tuning on validation (NDCG@10), best variant per family");
        PrintHeader();
        foreach (var (val, _) in kinds)
            foreach (var family in families)
            {
                var best = family.Variants.Select(make => (make, r: Evaluator.Evaluate(make(), val, fp))).MaxBy(p => p.r["NDCG@10"]);
                chosen[(val.Kind, family.Name)] = best.make;
                Print(best.r);
            }
        Console.WriteLine($"tuning took {sw.Elapsed.TotalSeconds:F1} s");

        // 2. Test: chosen variants, trained on the test training view, `reps` times for the median total.
        var tuningSeconds = sw.Elapsed.TotalSeconds;
        var reps = Math.Clamp(context.Repetitions, 1, 3);
        var totals = new List<double>();
        var results = new List<EvaluationResult>();
        var models = new Dictionary<(string Split, string Model), IRecommender>();
        for (var rep = 0; rep < reps; rep++)
        {
            results.Clear();
            sw.Restart();
            foreach (var (_, test) in kinds)
                foreach (var family in families)
                {
                    var model = chosen[(test.Kind, family.Name)]();
                    results.Add(Evaluator.Evaluate(model, test, fp));
                    models[(test.Name, family.Name)] = model;
                }
            totals.Add(sw.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"\n-- test results (code {LogFingerprint.CodeVersion()})");
        PrintHeader();
        foreach (var r in results) Print(r);
        Console.WriteLine($"all classical models trained + evaluated on both test splits: median {Stats.Median(totals):F1} s over {reps} run(s) [{string.Join(", ", totals.Select(x => x.ToString("F1")))}]");
        Console.WriteLine($"whole leaderboard (tuning on validation + one test pass): {tuningSeconds + totals[0]:F1} s");
        RankerReport.Print(kinds.Select(k => k.Test).ToList(), models);
        CheckRequirements(results);
        if (!context.Args.Contains("--no-latency")) RecLatency.Measure(log);
        return Task.CompletedTask;
    }

    private static void CheckRequirements(List<EvaluationResult> results)
    {
        foreach (var split in results.Select(r => r.Split).Distinct())
        {
            var on = results.Where(r => r.Split == split).ToDictionary(r => r.Model);
            if (!on.ContainsKey("PersonalFrequency") || !on.ContainsKey("Popular") || !on.ContainsKey("EASE") || !on.ContainsKey("ItemKNN")) return;
            double N(string m) => on[m]["NDCG@10"];
            var best = on.Values.MaxBy(r => r["NDCG@10"])!;
            Console.WriteLine($"{split}: best {best.Model} NDCG@10 {best["NDCG@10"]:F4} vs PersonalFrequency {N("PersonalFrequency"):F4} " +
                $"and Popular {N("Popular"):F4}: {(best.Model != "PersonalFrequency" && best["NDCG@10"] > N("PersonalFrequency") && best["NDCG@10"] > N("Popular") ? "PASS" : "FAIL")}; " +
                $"EASE {(N("EASE") >= N("Popular") ? "PASS" : "FAIL")}, ItemKNN {(N("ItemKNN") >= N("Popular") ? "PASS" : "FAIL")} (not worse than Popular)");
        }
    }

    internal static void PrintHeader() =>
        Console.WriteLine($"{"model",-22} {"split",-7} {"R@10",6} {"NDCG@10",7} {"HR@10",6} {"MRR@10",6} {"cov",5} {"Gini",5} {"rep.N",6} {"exp.N",6} {"train s",7} {"score s",7}  params");

    internal static void Print(EvaluationResult r) =>
        Console.WriteLine($"{r.Model,-22} {r.Split,-7} {r["Recall@10"],6:F4} {r["NDCG@10"],7:F4} {r["HitRate@10"],6:F4} {r["MRR@10"],6:F4} {r["Coverage@10"],5:F3} {r["Gini@10"],5:F3} {r["NDCG@10.repeat"],6:F4} {r["NDCG@10.explore"],6:F4} {r.TrainSeconds,7:F2} {r.ScoreSeconds,7:F2}  {r.Parameters}");
}
