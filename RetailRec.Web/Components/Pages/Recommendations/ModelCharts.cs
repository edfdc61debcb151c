using RetailRec.Engine.Recommendations.Evaluation;
using RetailRec.Web.Components.Charts;

namespace RetailRec.Web.Components.Pages.Recommendations;

/// <summary>Chart traces of the Models page, built from a run's results.</summary>
public static class ModelCharts
{
    public static readonly ChartLayout GroupedLayout = new()
    {
        BarMode = "group",
        XAxis = new ChartAxis(),   // automargin: long model names get room instead of being cut
        YAxis = ChartAxis.Titled("score"),
        Legend = new { orientation = "h", y = 1.15 },
        HoverMode = "x unified",
    };

    /// <summary>Models sorted by the leader's metric, so both charts read left to right from best to worst.</summary>
    public static IReadOnlyList<string> ModelOrder(IEnumerable<EvaluationResult> results, string split) =>
        results.Where(r => r.Split == split).OrderByDescending(r => Sort(r["NDCG@10"])).Select(r => r.Model)
            .Concat(results.Select(r => r.Model)).Distinct().ToList();

    /// <summary>Recall@10 and NDCG@10 for every model on both test splits: four bar groups per model.</summary>
    public static IReadOnlyList<ChartTrace> RecallNdcg(IReadOnlyList<EvaluationResult> results)
    {
        var order = ModelOrder(results, "T-test");
        var x = order.Select(m => (object?)m).ToList();
        var traces = new List<ChartTrace>();
        foreach (var split in new[] { "T-test", "L-test" })
            foreach (var metric in new[] { "Recall@10", "NDCG@10" })
            {
                var bySplit = results.Where(r => r.Split == split).ToDictionary(r => r.Model);
                if (bySplit.Count == 0) continue;
                traces.Add(new ChartTrace
                {
                    Type = "bar", Name = $"{metric} · {split}", X = x,
                    Y = order.Select(m => bySplit.TryGetValue(m, out var r) ? Value(r[metric]) : null).ToList(),
                    HoverTemplate = "%{y:.4f}",
                });
            }
        return traces;
    }

    /// <summary>NDCG@10 on repeat targets (bought before) against explore targets (new to the customer), one split.</summary>
    public static IReadOnlyList<ChartTrace> RepeatExplore(IReadOnlyList<EvaluationResult> results, string split)
    {
        var rows = results.Where(r => r.Split == split).ToList();
        var order = ModelOrder(rows, split);
        var by = rows.ToDictionary(r => r.Model);
        var x = order.Select(m => (object?)m).ToList();
        return
        [
            new ChartTrace { Type = "bar", Name = "repeat (bought before)", X = x, Y = order.Select(m => Value(by[m]["NDCG@10.repeat"])).ToList(), HoverTemplate = "%{y:.4f}" },
            new ChartTrace { Type = "bar", Name = "explore (new to the customer)", X = x, Y = order.Select(m => Value(by[m]["NDCG@10.explore"])).ToList(), HoverTemplate = "%{y:.4f}" },
        ];
    }

    public static readonly ChartLayout ImportanceLayout = new()
    {
        XAxis = ChartAxis.Titled("gain (largest = 1)"),
        YAxis = new ChartAxis(),
        Legend = new { orientation = "h", y = 1.1 },
    };

    /// <summary>The learned ranker's gain-based feature importance, one horizontal bar group per test split (top 15 features).</summary>
    public static IReadOnlyList<ChartTrace> RankerImportance(IReadOnlyList<RetailRec.Engine.Recommendations.Ranking.RankerCard> cards)
    {
        var order = cards.SelectMany(c => c.Importance).GroupBy(f => f.Feature).OrderBy(g => g.Max(f => f.Gain))
            .Select(g => g.Key).TakeLast(15).ToList();
        return cards.Select(c =>
        {
            var by = c.Importance.ToDictionary(f => f.Feature, f => f.Gain);
            return new ChartTrace
            {
                Type = "bar", Orientation = "h", Name = $"{c.Split} ({c.Objective})",
                X = order.Select(f => (object?)Math.Round(by.GetValueOrDefault(f), 3)).ToList(),
                Y = order.Select(f => (object?)f).ToList(),
                HoverTemplate = "%{x:.3f}",
            };
        }).ToList();
    }

    private static object? Value(double v) => double.IsNaN(v) ? null : Math.Round(v, 4);
    private static double Sort(double v) => double.IsNaN(v) ? double.MinValue : v;
}
