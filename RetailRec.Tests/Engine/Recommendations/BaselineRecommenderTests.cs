using RetailRec.Engine.Recommendations.Evaluation;
using RetailRec.Engine.Recommendations.Baselines;
using static RetailRec.Tests.Engine.Recommendations.TinyLogs;

namespace RetailRec.Tests.Engine.Recommendations;

public class BaselineRecommenderTests
{
    // Day 0: A buys X Y; B buys X. Day 50: C buys Z; D buys Z Y. Last invoice is day 50.
    private static readonly RetailRec.Engine.Datasets.RetailLogs.RetailLog Log = Build(
        ("A", 0, "X Y"), ("B", 0, "X"), ("C", 50, "Z"), ("D", 50, "Z Y"));

    [Fact]
    public void Popularity_counts_distinct_buyers_inside_the_recent_window()
    {
        var model = new PopularityRecommender(windowDays: 10);
        model.Fit(Log, null, default);
        // Window (day 40..50]: Z has 2 buyers, Y 1, X 0. All-time (X 2, Y 2, Z 2) only adds a fraction < 1.
        Assert.Equal(2, model.WindowCustomers[I(Log, "Z")]);
        Assert.Equal(1, model.WindowCustomers[I(Log, "Y")]);
        Assert.Equal(0, model.WindowCustomers[I(Log, "X")]);
        var scores = Scores(model, Log, "A");
        Assert.Equal([I(Log, "Z"), I(Log, "Y"), I(Log, "X")], TopK.Select(scores, 3));
        Assert.Equal(2 + 2 / 3f, scores[I(Log, "Z")], 5);
        Assert.Equal("popular: bought by 2 customers in the last 10 days", model.Explain(0, I(Log, "Z")));
    }

    [Fact]
    public void Popularity_without_window_uses_all_history()
    {
        var model = new PopularityRecommender(windowDays: null);
        model.Fit(Log, null, default);
        Assert.Equal(2, model.WindowCustomers[I(Log, "X")]);
        // All three items have 2 buyers: ties break by the lower index (X first).
        Assert.Equal([I(Log, "X"), I(Log, "Y"), I(Log, "Z")], TopK.Select(Scores(model, Log, "A"), 3));
    }

    [Fact]
    public void Personal_frequency_weights_each_basket_by_half_life_recency()
    {
        // E bought P on day 0 and day 10, Q on day 20 (the end). Half-life 10 days:
        // P = 0.5^2 + 0.5^1 = 0.75, Q = 1. R (bought only by F) falls back to a tiny popularity score.
        var log = Build(("E", 0, "P"), ("E", 10, "P"), ("F", 15, "R"), ("E", 20, "Q"));
        var model = new PersonalFrequencyRecommender(halfLifeDays: 10, popularityWindowDays: 30);
        model.Fit(log, null, default);
        var s = Scores(model, log, "E");
        Assert.Equal(0.75f, s[I(log, "P")], 3); // invoices sit a few minutes apart: 3 decimals
        Assert.Equal(1.0f, s[I(log, "Q")], 4);
        Assert.InRange(s[I(log, "R")], 1e-7f, 1e-4f);
        Assert.Equal([I(log, "Q"), I(log, "P"), I(log, "R")], TopK.Select(s, 3));
        Assert.Equal("you bought this 2 times", model.Explain(C(log, "E"), I(log, "P")));
        Assert.Equal("you bought this once", model.Explain(C(log, "E"), I(log, "Q")));
        Assert.StartsWith("popular", model.Explain(C(log, "E"), I(log, "R")));
    }

    [Fact]
    public void Personal_frequency_ranks_an_old_purchase_above_every_popular_unbought_item()
    {
        var log = Build(("E", 0, "OLD"), ("F", 400, "HOT"), ("G", 400, "HOT"), ("H", 401, "HOT"));
        var model = new PersonalFrequencyRecommender(halfLifeDays: 7);
        model.Fit(log, null, default);
        Assert.Equal(I(log, "OLD"), TopK.Select(Scores(model, log, "E"), 1)[0]);
    }
}
