using RetailRec.Engine.Recommendations.Baselines;
using RetailRec.Engine.Recommendations.Ranking;
using RetailRec.Engine.Recommendations.Serving;
using RetailRec.Web.Components.Pages.Recommendations;
using static RetailRec.Tests.Engine.Recommendations.TinyLogs;

namespace RetailRec.Tests.Engine.Recommendations.Ranking;

public class RankerServingTests
{
    [Fact]
    public void Too_few_validation_customers_keep_RepeatAware_and_say_why()
    {
        var log = Build(("A", 0, "X Y"), ("A", 40, "X"), ("B", 45, "X"), ("A", 70, "X Z"));
        var choice = PersonalizedSelector.Choose(log, () => new RepeatPropensityRecommender());
        Assert.Equal("RepeatAware", choice.Model);
        Assert.Contains("too few to learn a ranker", choice.Why);
        Assert.Equal("RepeatAware", RecommendationEngine.Fit(log).Personalized.Model);
    }

    [Fact]
    public void On_a_cycle_log_the_engine_serves_the_ranker_chosen_on_validation_with_its_reasons()
    {
        var log = RankerLogs.Build(RankerLogs.Cycle(seed: 8, customers: 400, days: 300));
        var engine = RecommendationEngine.Fit(log, new RecommendationSettings());
        var choice = engine.Personalized;
        Assert.NotNull(choice.RankerNdcg10);
        Assert.NotNull(choice.RepeatAwareNdcg10);
        // Whichever won must be the better one on validation.
        Assert.Equal(choice.RankerNdcg10 > choice.RepeatAwareNdcg10 ? "Ranker" : "RepeatAware", choice.Model);
        if (choice.Model != "Ranker") return;
        Assert.IsType<LearnedRanker>(engine.Model(RecommendationMethod.Personalized));
        var list = engine.Recommend(0, RecommendationMethod.Personalized);
        Assert.Equal(10, list.Count);
        Assert.DoesNotContain(list, r => r.Reason.StartsWith("you bought this", StringComparison.Ordinal) && r.Reason.Contains("times"));
        // Batch path = live path.
        Assert.Equal(list.Select(r => r.Item), engine.Precompute(RecommendationMethod.Personalized).For(0).Select(r => r.Item));
    }

    [Fact]
    public void Importance_chart_has_one_horizontal_trace_per_split_over_the_strongest_features()
    {
        RankerCard Card(string split, params (string F, double G)[] gains) => new(split, "Window", "Binary",
            new Dictionary<string, double>(), 0.4, 0.4, 10, gains.Select(g => new FeatureGain(g.F, g.G)).ToList());
        var traces = ModelCharts.RankerImportance([Card("T-test", ("A", 1), ("B", 0.5)), Card("L-test", ("B", 1), ("C", 0.2))]);
        Assert.Equal(2, traces.Count);
        Assert.All(traces, t => Assert.Equal("h", t.Orientation));
        // Features ordered by their largest gain, weakest first (Plotly draws the last category on top).
        Assert.Equal(["C", "A", "B"], traces[0].Y!.Cast<string>());
        Assert.Equal([0.0, 1.0, 0.5], traces[0].X!.Cast<double>());
        Assert.Equal("T-test (Binary)", traces[0].Name);
    }
}
