using System.Diagnostics;
using RetailRec.Engine.Evaluation;
using RetailRec.Engine.Evaluation.Splits;
using RetailRec.Engine.Recommendation;
using RetailRec.Engine.Recommendation.Baselines;
using RetailRec.Engine.Recommendation.Ease;
using RetailRec.Engine.Recommendation.Neighbourhood;

namespace RetailRec.Bench.Suites;

/// <summary>recs: every classical recommender on splits T and L of the real file, metrics table and latency.</summary>
public sealed class RecSuite : IBenchSuite
{
    public string Name => "recs";
    public string Description => "classical recommenders on splits T and L: metrics table, timings, latency";

    public Task RunAsync(BenchContext context)
    {
        var sw = Stopwatch.StartNew();
        var log = RecDataLoader.Load(context.DatasetPath);
        var fp = LogFingerprint.Of(log);
        Console.WriteLine($"loaded {log.Baskets.Length} baskets, {log.CustomerCount} customers, {log.ItemCount} items in {sw.Elapsed.TotalSeconds:F1} s; fingerprint {fp}");
        var splits = new[] { TemporalSplit.Test(log), LeaveLastBasketSplit.Test(log) };
        foreach (var s in splits) Console.WriteLine($"split {s.Name}: {s.Cases.Count} cases, {s.Train.Baskets.Length} train baskets, {s.DroppedTargets} unrankable targets dropped");
        Func<IRecommender>[] models =
        [
            () => new PopularityRecommender(30),
            () => new PersonalFrequencyRecommender(),
            () => new ItemKnnRecommender(100),
            () => new EaseRecommender(250),
        ];
        PrintHeader();
        foreach (var split in splits)
            foreach (var make in models)
                Print(Evaluator.Evaluate(make(), split, fp));
        return Task.CompletedTask;
    }

    internal static void PrintHeader() =>
        Console.WriteLine($"{"model",-22} {"split",-7} {"R@10",6} {"NDCG@10",7} {"HR@10",6} {"MRR@10",6} {"cov",5} {"rep.N",6} {"exp.N",6} {"train s",7} {"score s",7}  params");

    internal static void Print(EvaluationResult r) =>
        Console.WriteLine($"{r.Model,-22} {r.Split,-7} {r["Recall@10"],6:F4} {r["NDCG@10"],7:F4} {r["HitRate@10"],6:F4} {r["MRR@10"],6:F4} {r["Coverage@10"],5:F3} {r["NDCG@10.repeat"],6:F4} {r["NDCG@10.explore"],6:F4} {r.TrainSeconds,7:F2} {r.ScoreSeconds,7:F2}  {r.Parameters}");
}
