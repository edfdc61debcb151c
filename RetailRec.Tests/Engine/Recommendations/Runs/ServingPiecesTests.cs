using System.Text.Json;
using RetailRec.Engine.Runs;
using RetailRec.Engine.Recommendations.Evaluation;
using RetailRec.Engine.Recommendations.Evaluation.Splits;
using RetailRec.Engine.Recommendations.Serving;
using RetailRec.Engine.Recommendations.Runs;
using RetailRec.Tests.Engine.Recommendations;

namespace RetailRec.Tests.Engine.Recommendations.Runs;

public class ServingPiecesTests
{
    [Fact]
    public void Precomputed_lists_survive_storage_and_intern_repeated_labels_and_reasons()
    {
        var log = TinyLogs.Build(("A", 0, "X Y"), ("B", 1, "Y Z"));
        RecommendedItem It(string code, float score, string label, string reason) =>
            new(TinyLogs.I(log, code), code, log.ItemDescriptions[TinyLogs.I(log, code)], score, label, reason);
        var a = TinyLogs.C(log, "A");
        var lists = new IReadOnlyList<RecommendedItem>[2];
        lists[a] = [It("Z", 3, "CF", "popular"), It("X", 2, "CF", "you bought this once")];
        lists[1 - a] = [It("X", 5, "CF", "popular")];
        IReadOnlyList<RecommendedItem> cold = [It("Y", 2, "Popular", "popular")];

        var packed = PrecomputedLists.Build("CF", log, lists, cold);
        var stored = JsonSerializer.Deserialize<PrecomputedLists>(JsonSerializer.Serialize(packed, RunStore.Json), RunStore.Json)!;

        Assert.Equal(["CF", "Popular"], stored.Labels);                       // 4 items, 2 distinct labels
        Assert.Equal(["popular", "you bought this once"], stored.Reasons);     // 4 items, 2 distinct reasons
        Assert.Equal(2, stored.Count);
        var row = stored.RowOf("A")!.Value;
        Assert.Equal(lists[a], stored.ForRow(row, 10));                        // records compare by value
        Assert.Single(stored.ForRow(row, 1));
        Assert.Equal(cold, stored.ColdList(5));
        Assert.Null(stored.RowOf("nobody"));
    }

    [Theory]
    [InlineData("all", ServingMethod.All)]
    [InlineData("CF", ServingMethod.CF)]
    [InlineData("personalized", ServingMethod.Personalized)]
    [InlineData("seven", ServingMethod.SevenSlots)]
    [InlineData("seven-slots", ServingMethod.SevenSlots)]
    public void Method_names_parse_case_insensitively(string text, ServingMethod expected)
    {
        Assert.True(ServingMethods.TryParse(text, out var m));
        Assert.Equal(expected, m);
    }

    [Theory]
    [InlineData("")]
    [InlineData("3")]
    [InlineData("-1")]
    [InlineData("bestest")]
    public void Unknown_or_numeric_method_names_are_rejected(string text) => Assert.False(ServingMethods.TryParse(text, out _));

    [Fact]
    public void Customer_timeline_sums_spend_per_month_and_lists_baskets_newest_first()
    {
        // Days 0 and 10 are January 2011, day 40 is February; every line is 1 unit at 1.0.
        var log = TinyLogs.Build(("A", 0, "X Y"), ("B", 5, "X"), ("A", 10, "Z"), ("A", 40, "X Y Z"));
        var t = CustomerTimeline.Of(log, "A")!;

        Assert.Equal(3, t.Baskets.Count);
        Assert.Equal(new DateTime(2011, 2, 10).Date, t.Baskets[0].Time.Date);   // newest first
        Assert.Equal(3, t.Baskets[0].Items);
        Assert.Equal(6.0, t.TotalSpend, 9);
        Assert.Equal([new MonthlySpend(new DateTime(2011, 1, 1), 3.0, 2), new MonthlySpend(new DateTime(2011, 2, 1), 3.0, 1)], t.Months);
        Assert.Null(CustomerTimeline.Of(log, "nobody"));
    }

    [Fact]
    public void Holdout_keeps_each_test_customers_targets_as_stock_codes()
    {
        // Cutoff = day 101 - 30: A's late basket (X, LATE) is the target; LATE was never sold before, so it is dropped.
        var log = TinyLogs.Build(("A", 0, "X"), ("B", 0, "Y"), ("A", 100, "X LATE"), ("B", 100, "Y"));
        var holdout = EvaluationRunner.Holdout([TemporalSplit.Test(log, 30)]);

        Assert.Equal(["X"], holdout.ItemsOf("T-test", "A").ToArray());
        Assert.Equal(["Y"], holdout.ItemsOf("T-test", "B").ToArray());
        Assert.Empty(holdout.ItemsOf("T-test", "C"));
        Assert.Empty(holdout.ItemsOf("L-test", "A"));
    }

    [Fact]
    public void Best_model_per_test_split_ignores_validation_rows_and_nan()
    {
        EvaluationResult R(string model, string split, double ndcg) =>
            new(model, "", "fp", split, new Dictionary<string, double> { ["NDCG@10"] = ndcg, ["Recall@10"] = ndcg / 2 }, 1, 0, 0, "v");
        var best = EvaluationResults.Best([R("A", "T-test", 0.2), R("B", "T-test", 0.3), R("C", "T-val", 0.9), R("D", "L-test", double.NaN), R("E", "L-test", 0.1)]);

        Assert.Equal([new BestModel("L-test", "E", 0.1, 0.05), new BestModel("T-test", "B", 0.3, 0.15)], best);
    }
}
