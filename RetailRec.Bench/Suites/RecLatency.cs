using System.Diagnostics;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Recommendations.Serving;

namespace RetailRec.Bench.Suites;

/// <summary>In-process serving latency for one customer: precomputed lookup vs live scoring (p50 / p99 in ms).</summary>
internal static class RecLatency
{
    public static void Measure(RetailLog log)
    {
        var sw = Stopwatch.StartNew();
        var engine = RecommendationEngine.Fit(log);
        Console.WriteLine($"\n-- serving: engine trained on the full log in {sw.Elapsed.TotalSeconds:F1} s");
        sw.Restart();
        var batch = engine.Precompute(RecommendationMethod.All, new RecommendOptions(10));
        Console.WriteLine($"batch top-10 (All) for {batch.CustomerCount} customers in {sw.Elapsed.TotalSeconds:F1} s");
        var rng = new Random(7);
        var customers = Enumerable.Range(0, 2000).Select(_ => rng.Next(log.CustomerCount)).ToArray();
        Report("precomputed (All)", customers, c => batch.For(c).Count);
        foreach (var method in new[] { RecommendationMethod.Personalized, RecommendationMethod.CF, RecommendationMethod.All })
            Report($"live ({method})", customers, c => engine.Recommend(c, method, new RecommendOptions(10)).Count);
        Report("live seven-slot", customers.Take(500).ToArray(), c => engine.SevenSlots(c).All.Count());
    }

    private static void Report(string name, int[] customers, Func<int, int> call)
    {
        for (var k = 0; k < 50; k++) call(customers[k]); // warm-up (JIT, caches)
        var ms = new List<double>();
        var sink = 0;
        foreach (var c in customers)
        {
            var t = Stopwatch.GetTimestamp();
            sink += call(c);
            ms.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        Console.WriteLine($"{name,-24} p50 {Stats.Percentile(ms, 50),7:F3} ms  p99 {Stats.Percentile(ms, 99),7:F3} ms  (n={customers.Length}, items {sink})");
    }
}
