using RetailRec.Engine.Recommendations.Content;
using RetailRec.Engine.Recommendations.MarketBasket;
using static RetailRec.Tests.Engine.Recommendations.TinyLogs;

namespace RetailRec.Tests.Engine.Recommendations;

public class BasketAndContentTests
{
    [Fact]
    public void Association_rules_have_hand_computed_support_confidence_and_lift()
    {
        // 4 baskets: {X Y} (A), {X Y} (B), {X Z} (C), {Y} (D). supp(X) = supp(Y) = 3/4, supp(Z) = 1/4.
        var log = Build(("A", 0, "X Y"), ("B", 0, "X Y"), ("C", 0, "X Z"), ("D", 0, "Y"));
        var rules = AssociationRules.Mine(log, minBaskets: 1);
        var xy = rules.PartnersOf(I(log, "X")).Single(p => p.Partner == I(log, "Y"));
        Assert.Equal(2, xy.Baskets); Assert.Equal(2, xy.Customers);
        Assert.Equal(0.5, xy.Support, 12);
        Assert.Equal(2 / 3.0, xy.Confidence, 12);
        Assert.Equal(2 / 3.0 / 0.75, xy.Lift, 12);
        var zx = rules.PartnersOf(I(log, "Z")).Single();
        Assert.Equal(1.0, zx.Confidence, 12);
        Assert.Equal(1 / 0.75, zx.Lift, 12);
        Assert.Equal([I(log, "Z")], rules.PartnersByLift(I(log, "X"), 1.0).Select(p => p.Partner));
        Assert.Empty(AssociationRules.Mine(log, minBaskets: 3).PartnersOf(I(log, "X")));
    }

    [Fact]
    public void Basket_rules_recommender_scores_partners_of_the_last_basket_and_explains_them()
    {
        var log = Build(("A", 0, "X Y"), ("B", 0, "X Y"), ("C", 0, "X Z"), ("D", 0, "Y"), ("E", 1, "X"));
        var model = new BasketRulesRecommender(recentBaskets: 1, minBaskets: 1);
        model.Fit(log, null, default);
        var s = Scores(model, log, "E");                  // last basket {X}: conf(X->Y) = 2/4, conf(X->Z) = 1/4
        Assert.Equal(0.5f, s[I(log, "Y")], 6);
        Assert.Equal(0.25f, s[I(log, "Z")], 6);
        Assert.Equal("bought with ITEM X by 2 customers", model.Explain(C(log, "E"), I(log, "Y")));
    }

    [Fact]
    public void Tf_idf_cosine_matches_hand_computation()
    {
        var vectors = ContentRecommender.Vectors(["RED HEART CANDLE", "WHITE HEART CANDLE", "BLUE MUG"]);
        double l3 = Math.Log(3), l15 = Math.Log(1.5);
        // X = (RED ln3, HEART ln1.5, CANDLE ln1.5), Y the same with WHITE; the shared terms give the dot product.
        var expected = 2 * l15 * l15 / (l3 * l3 + 2 * l15 * l15);
        var nn = ContentRecommender.Neighbours(vectors, 5);
        var (item, sim) = Assert.Single(nn[0]);
        Assert.Equal(1, item);
        Assert.Equal(expected, sim, 5);
        Assert.Empty(nn[2]);
    }

    [Fact]
    public void Categories_are_the_last_head_word_of_the_description()
    {
        Assert.Equal("HOLDER", ItemCategories.Derive("WHITE HANGING HEART T-LIGHT HOLDER"));
        Assert.Equal("BAG", ItemCategories.Derive("JUMBO BAG RED RETROSPOT"));
        Assert.Equal("MUG", ItemCategories.Derive("BLUE MUG"));
        Assert.Equal(ItemCategories.Other, ItemCategories.Derive("PINK"));
        Assert.Equal(ItemCategories.Other, ItemCategories.Derive(""));
    }
}
