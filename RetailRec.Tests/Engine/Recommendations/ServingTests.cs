using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Recommendations.Baselines;
using RetailRec.Engine.Recommendations.Content;
using RetailRec.Engine.Recommendations.Serving;
using static RetailRec.Tests.Engine.Recommendations.TinyLogs;

namespace RetailRec.Tests.Engine.Recommendations;

public class ServingTests
{
    private static readonly Dictionary<string, string> Descriptions = new()
    {
        ["A1"] = "RED CANDLE HOLDER", ["A2"] = "WHITE CANDLE HOLDER", ["B1"] = "BLUE MUG", ["B2"] = "PINK MUG",
        ["C1"] = "JUMBO BAG RED", ["D1"] = "PAPER NAPKIN", ["E1"] = "GLASS VASE", ["F1"] = "DOOR MAT", ["G1"] = "CAKE TIN",
    };

    private static RetailLog Log() => Build(Descriptions,
        ("U", 0, "A1 B1"), ("U", 5, "A1"), ("U", 10, "A1 B1"),
        ("V", 1, "A1 A2 B2 E1"), ("W", 2, "A1 A2 B2 F1"), ("X", 3, "B1 C1 G1"), ("Y", 4, "B1 C1 D1"), ("Z", 6, "D1 E1 F1 G1"),
        ("V", 8, "A1 A2"), ("X", 9, "B1 C1"));

    private static readonly RecommendationSettings Tiny = new() { RuleMinBaskets = 1, TifuNeighbours = 3, EaseLambda = 1 };

    [Fact]
    public void Seven_slot_list_has_three_similar_three_paired_and_one_new_category_without_duplicates()
    {
        var log = Log();
        var engine = RecommendationEngine.Fit(log, Tiny);
        var u = C(log, "U");
        var list = engine.SevenSlots(u);
        var bought = new HashSet<int> { I(log, "A1"), I(log, "B1") };
        Assert.Equal(3, list.Similar.Count);
        Assert.Equal(3, list.Paired.Count);
        Assert.NotNull(list.NewCategory);
        Assert.Equal(7, list.All.Select(r => r.Item).Distinct().Count());
        Assert.All(list.Similar, r => Assert.DoesNotContain(r.Item, bought));
        // Paired items are rule partners of U's last basket {A1, B1}.
        var partners = bought.SelectMany(i => engine.Rules.Rules.PartnersOf(i)).Select(p => p.Partner).ToHashSet();
        Assert.All(list.Paired, r => Assert.Contains(r.Item, partners));
        Assert.All(list.Paired, r => Assert.Equal("Paired", r.Method));
        // U owns categories HOLDER and MUG: the new item comes from elsewhere and says so.
        var fresh = list.NewCategory!;
        Assert.DoesNotContain(ItemCategories.Derive(Descriptions[log.ItemCodes[fresh.Item]]), new[] { "HOLDER", "MUG" });
        Assert.Contains("never bought", fresh.Reason);
    }

    [Fact]
    public void Options_exclude_bought_and_listed_items_and_reasons_cite_repeat_counts()
    {
        var log = Log();
        var engine = RecommendationEngine.Fit(log, Tiny);
        var u = C(log, "U");
        var all = engine.Recommend(u, RecommendationMethod.Personalized, new RecommendOptions(Count: 9));
        var a1 = all.Single(r => r.Item == I(log, "A1"));
        Assert.Equal("you bought this 3 times", a1.Reason);
        Assert.Equal("Personalized", a1.Method);
        var noRepeat = engine.Recommend(u, RecommendationMethod.Personalized, new RecommendOptions(9, ExcludeBought: true));
        Assert.DoesNotContain(noRepeat, r => r.Item == I(log, "A1") || r.Item == I(log, "B1"));
        var dead = new HashSet<int> { I(log, "A2") };
        Assert.DoesNotContain(engine.Recommend(u, RecommendationMethod.CF, new RecommendOptions(9, ExcludeItems: dead)), r => r.Item == I(log, "A2"));
        // Batch path = live path.
        var batch = engine.Precompute(RecommendationMethod.All);
        Assert.Equal(engine.Recommend(u, RecommendationMethod.All).Select(r => r.Item), batch.For(u).Select(r => r.Item));
        // Paired-items API: A2 goes with A1 in 3 of A1's 6 baskets.
        var pair = engine.PairedItems(I(log, "A1"), minLift: 0).Single(p => p.Partner == I(log, "A2"));
        Assert.Equal(3, pair.Baskets);
        Assert.Equal(0.5, pair.Confidence, 12);
    }

    [Fact]
    public void Segment_favourites_count_buyers_within_the_segment_and_explain_it()
    {
        var log = Log();
        string? Seg(int c) => log.CustomerIds[c] is "U" or "X" or "Y" ? "Loyal" : null;
        var model = new SegmentPopularityRecommender(Seg);
        model.Fit(log, null, default);
        var s = Scores(model, log, "U");
        // In segment {U, X, Y}: B1 bought by 3, C1 by 2, A1 by 1.
        Assert.True(s[I(log, "B1")] > s[I(log, "C1")] && s[I(log, "C1")] > s[I(log, "A1")]);
        Assert.Equal(3, (int)s[I(log, "B1")]);
        Assert.Equal("popular in your segment (Loyal): bought by 3 customers", model.Explain(C(log, "U"), I(log, "B1")));
        Assert.StartsWith("popular: bought by", model.Explain(C(log, "V"), I(log, "B1")));
    }
}
