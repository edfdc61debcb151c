using System.Text.Json;
using RetailRec.Engine.Marketing.Merchandising;

namespace RetailRec.Tests.Engine.Marketing.Merchandising;

public class MarketingPipelineTests
{
    [Fact]
    public void Runs_every_stage_and_fits_the_relevance_model_without_the_future()
    {
        var log = RandomRetailLog.Build(seed: 9, customers: 50);
        var fitted = new List<FormulaRecommender>();
        var result = MarketingPipeline.Run(log, new MarketingOptions { TradeOff = new TradeOffOptions { Levels = [0, 0.3] } },
            () => { var m = new FormulaRecommender((c, i) => (c + 3 * i) % 11); fitted.Add(m); return m; });

        Assert.Equal(log.DefaultAnalysisDate, result.AnalysisDate);
        Assert.Equal(2, fitted.Count); // once for the lists (full log), once for the sweep (before the cutoff)
        Assert.Equal(log.Baskets.Length, fitted[0].FittedOn!.Baskets.Length);
        Assert.True(fitted[1].FittedOn!.Baskets.All(b => b.Time < result.TradeOff!.Cutoff));
        Assert.Equal(result.Segmentation.Segments.Count, result.StrategyItems.Select(i => i.Customer).Distinct().Count());
        Assert.All(result.StrategyItems.GroupBy(i => i.Customer), g => Assert.Equal(Enumerable.Range(1, g.Count()), g.Select(i => i.Rank)));
        Assert.NotNull(result.Segmentation.Clustering);
        Assert.Equal(["rfm", "rfm_scores_and_maps", "clustering", "profiles_and_top_items", "sell_through", "relevance_fit",
            "strategy_lists", "audit", "trade_off_sweep"], result.Timings.Select(t => t.Stage));
        Assert.Equal(2, result.TradeOff!.Points.Count);
    }

    [Fact]
    public void Invalid_strategies_are_rejected_and_options_serialise()
    {
        var log = RandomRetailLog.Build(seed: 2, customers: 10);
        var bad = new MerchandisingStrategy { Name = "bad", Segment = "Champions", MinSlowShare = 0.9, MaxSlowShare = 0.1 };
        var e = Assert.Throws<ArgumentException>(() => MarketingPipeline.Run(log, new MarketingOptions { Strategies = [bad] }));
        Assert.Contains("strategy 'bad'", e.Message);

        var options = new MarketingOptions { AnalysisDate = new DateTime(2011, 5, 1), Strategies = DefaultStrategies.All };
        var back = JsonSerializer.Deserialize<MarketingOptions>(JsonSerializer.Serialize(options))!;
        Assert.Equal(options.AnalysisDate, back.AnalysisDate);
        Assert.Equal(DefaultStrategies.All, back.Strategies);
        Assert.Equal(options.TradeOff.Levels, back.TradeOff.Levels);
        Assert.Equal("Potential", back.Segmentation.SegmentMap.Map("New"));
    }
}
