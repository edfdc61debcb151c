using System.Collections.Concurrent;
using System.Diagnostics;
using RetailRec.Engine.Recommendations.Evaluation.Splits;
using RetailRec.Engine.Recommendations;
using RetailRec.Engine.Recommendations.Common;

namespace RetailRec.Engine.Recommendations.Evaluation;

/// <summary>
/// The one evaluation code path for every model: fit on the split's training view, rank the full training catalogue
/// for each case (no sampled negatives), average per-customer metrics; every metric also on repeat targets (bought
/// before by that customer) and explore targets (new to the customer), each averaged over the cases that have any.
/// </summary>
public static class Evaluator
{
    public static readonly int[] Ks = [5, 10, 20];

    public static EvaluationResult Evaluate(IRecommender model, NextBasketSplit split, string fingerprint,
        CancellationToken ct = default, bool fit = true)
    {
        var sw = Stopwatch.StartNew();
        if (fit) model.Fit(split.Train, null, ct);
        var trainSeconds = sw.Elapsed.TotalSeconds;
        sw.Restart();
        var lists = RankAll(model, split, Ks.Max(), ct);
        var scoreSeconds = sw.Elapsed.TotalSeconds;
        var metrics = Compute(split, lists);
        return new EvaluationResult(model.Name, model.Parameters, fingerprint, split.Name, metrics, split.Cases.Count,
            trainSeconds, scoreSeconds, LogFingerprint.CodeVersion());
    }

    /// <summary>Top-<paramref name="k"/> list for every case, in case order (parallel; models are read-only after Fit).</summary>
    public static int[][] RankAll(IRecommender model, NextBasketSplit split, int k, CancellationToken ct = default)
    {
        var seen = TrainingCatalogue.SeenItems(split.Train);
        var lists = new int[split.Cases.Count][];
        var n = split.Train.ItemCount;
        Parallel.ForEach(Partitioner.Create(0, lists.Length, 64), new ParallelOptions { CancellationToken = ct }, range =>
        {
            var scores = new float[n];
            for (var c = range.Item1; c < range.Item2; c++)
            {
                model.Score(split.Cases[c].Customer, scores);
                for (var i = 0; i < n; i++) if (!seen[i]) scores[i] = float.NaN; // TopK skips NaN
                lists[c] = TopK.Select(scores, k);
            }
        });
        return lists;
    }

    public static Dictionary<string, double> Compute(NextBasketSplit split, IReadOnlyList<int[]> lists)
    {
        var bought = BoughtSets(split);
        var sums = new Dictionary<string, (double Sum, int N)>();
        void Add(string key, double v) { var (s, n) = sums.GetValueOrDefault(key); sums[key] = (s + v, n + 1); }

        for (var c = 0; c < split.Cases.Count; c++)
        {
            var targets = split.Cases[c].Targets;
            var own = bought[split.Cases[c].Customer];
            var subsets = new (string Suffix, HashSet<int> Set)[]
            {
                ("", targets.ToHashSet()),
                (".repeat", targets.Where(own.Contains).ToHashSet()),
                (".explore", targets.Where(t => !own.Contains(t)).ToHashSet()),
            };
            foreach (var (suffix, set) in subsets)
            {
                if (set.Count == 0) continue;
                foreach (var k in Ks)
                {
                    Add($"Recall@{k}{suffix}", RankingMetrics.RecallAt(lists[c], set, k));
                    Add($"NDCG@{k}{suffix}", RankingMetrics.NdcgAt(lists[c], set, k));
                    Add($"Precision@{k}{suffix}", RankingMetrics.PrecisionAt(lists[c], set, k));
                    Add($"HitRate@{k}{suffix}", RankingMetrics.HitRateAt(lists[c], set, k));
                    Add($"MRR@{k}{suffix}", RankingMetrics.MrrAt(lists[c], set, k));
                }
                Add("Cases" + suffix, 1);
            }
        }
        var metrics = sums.ToDictionary(p => p.Key, p => p.Key.StartsWith("Cases") ? p.Value.Sum : p.Value.Sum / p.Value.N);
        var seen = TrainingCatalogue.SeenItems(split.Train);
        var catalogue = Enumerable.Range(0, seen.Length).Where(i => seen[i]).ToArray();
        var top10 = lists.Select(l => (IReadOnlyList<int>)l.Take(10).ToArray()).ToArray();
        metrics["Coverage@10"] = ListMetrics.Coverage(top10, catalogue.Length);
        metrics["Gini@10"] = ListMetrics.Gini(top10, catalogue);
        return metrics;
    }

    /// <summary>Items each customer bought in the split's training view (what makes a target "repeat").</summary>
    public static HashSet<int>[] BoughtSets(NextBasketSplit split)
    {
        var sets = new HashSet<int>[split.Train.CustomerCount];
        for (var c = 0; c < sets.Length; c++) sets[c] = [];
        foreach (var b in split.Train.Baskets)
            foreach (var i in b.Items) sets[b.Customer].Add(i);
        return sets;
    }
}
