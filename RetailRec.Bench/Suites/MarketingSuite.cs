using System.Diagnostics;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Datasets.Ingestion;
using RetailRec.Engine.Marketing.Merchandising;

namespace RetailRec.Bench.Suites;

/// <summary>
/// The whole marketing + business computation on the real file: RFM, segment maps, clustering (k = 2..10 by exact
/// silhouette, DBSCAN, PCA), profiles and top items, sell-through, strategy lists for every customer with the default
/// relevance (PersonalFrequency), the audit, and the slow-share trade-off sweep on a 30-day temporal holdout.
/// Reports the median total over --reps runs (target: 20 s or less) and the median of every stage.
/// </summary>
public sealed class MarketingSuite : IBenchSuite
{
    public string Name => "marketing";
    public string Description => "marketing + merchandising pipeline on the real file (segments, clustering, sell-through, strategies, audit, trade-off)";

    public Task RunAsync(BenchContext context)
    {
        var load = Stopwatch.StartNew();
        var records = TransactionFileReader.ReadAll(context.DatasetPath).Records;
        var log = RetailLogBuilder.Build(records);
        Console.WriteLine($"loaded {log.Lines.Length:N0} valid lines, {log.CustomerCount:N0} customers, {log.ItemCount:N0} items in {load.Elapsed.TotalSeconds:F1} s (not timed below)");

        var totals = new List<double>();
        var stages = new Dictionary<string, List<double>>();
        MarketingResult result = null!;
        for (var rep = 0; rep < Math.Max(1, context.Repetitions); rep++)
        {
            var sw = Stopwatch.StartNew();
            result = MarketingPipeline.Run(log);
            totals.Add(sw.Elapsed.TotalSeconds);
            foreach (var t in result.Timings) (stages.TryGetValue(t.Stage, out var l) ? l : stages[t.Stage] = []).Add(t.Seconds);
            Console.WriteLine($"  run {rep + 1}: {totals[^1]:F2} s");
        }

        Console.WriteLine($"median total: {Stats.Median(totals):F2} s over {totals.Count} runs (target <= 20 s)");
        foreach (var (stage, times) in stages) Console.WriteLine($"  {stage,-24} {Stats.Median(times),7:F2} s");
        Report(result);
        return Task.CompletedTask;
    }

    private static void Report(MarketingResult r)
    {
        var s = r.Segmentation;
        Console.WriteLine($"analysis date {r.AnalysisDate:yyyy-MM-dd}; {s.Customers.Count:N0} customers with RFM; relevance {r.Relevance}");
        foreach (var p in s.Profiles.Where(p => p.Scheme == "marketing"))
            Console.WriteLine($"  {p.Segment,-10} {p.Customers,5} customers ({p.CustomerShare:P1}), revenue share {p.RevenueShare:P1}");
        if (s.Clustering is { } c)
        {
            Console.WriteLine($"clustering: best k {c.KSelection.BestK} (elbow k {c.KSelection.ElbowK}), silhouette " +
                              (c.KSelection.SilhouetteSampled ? $"sampled on {c.KSelection.SilhouetteRows}" : "exact") +
                              ": " + string.Join(" ", c.KSelection.Curve.Select(p => $"k{p.K}={p.Silhouette:F3}")));
            if (c.Dbscan is { } d) Console.WriteLine($"DBSCAN eps {d.Eps:F3} minPts {d.MinPoints}: {d.ClusterCount} clusters, {d.NoiseCount} outliers");
            Console.WriteLine($"PCA explained variance: {string.Join(", ", c.Pca.ExplainedVarianceRatio.Select(v => v.ToString("P1")))}");
        }
        var st = r.SellThrough;
        Console.WriteLine($"sell-through ({st.Options.WindowDays} d, fast >= {st.FastThreshold:F2} units/day): " +
                          string.Join(", ", st.Items.GroupBy(i => i.Class).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        Console.WriteLine($"strategy items: {r.StrategyItems.Count:N0}");
        foreach (var a in r.Audit)
            Console.WriteLine($"  {a.Strategy,-38} fast {a.FastShare:P0} slow+dead {a.SlowShare:P0} (band {a.MinSlowShare:P0}..{a.MaxSlowShare:P0}) dead {a.DeadShare:P0} drift {a.Drift}");
        if (r.TradeOff is { } t)
        {
            Console.WriteLine($"trade-off (holdout from {t.Cutoff:yyyy-MM-dd}, {t.EvaluatedCustomers} customers): model alone Recall@10 {t.ModelRecallAtK:F4} NDCG@10 {t.ModelNdcgAtK:F4} slow {t.ModelSlowShare:P1}");
            foreach (var p in t.Points)
                Console.WriteLine($"  target {p.TargetSlowShare:P0}: delivered {p.DeliveredSlowShare:P1} (dead {p.DeliveredDeadShare:P1}) Recall@10 {p.RecallAtK:F4} NDCG@10 {p.NdcgAtK:F4}");
        }
        foreach (var w in r.Warnings) Console.WriteLine("warning: " + w);
    }
}
