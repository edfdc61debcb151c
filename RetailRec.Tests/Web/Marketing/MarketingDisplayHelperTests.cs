using RetailRec.Engine.Marketing.Runs;
using RetailRec.Engine.Marketing.Merchandising;
using RetailRec.Web.Components.Pages.Marketing;

namespace RetailRec.Tests.Web.Marketing;

public class MarketingDisplayHelperTests
{
    [Fact]
    public void The_sampler_keeps_small_sets_and_thins_large_ones_to_evenly_spaced_rows()
    {
        var small = Enumerable.Range(0, 10).ToList();
        Assert.Same(small, PointSampler.Evenly(small, 10));
        Assert.Equal([0, 2, 5, 7], PointSampler.Evenly(Enumerable.Range(0, 10).ToList(), 4)); // floor(i * 10 / 4)
        Assert.Equal("scatter", PointSampler.ScatterType(1500));
        Assert.Equal("scattergl", PointSampler.ScatterType(1501));
    }

    [Fact]
    public void Curve_thinning_keeps_both_ends_and_evenly_spaced_points()
    {
        var curve = Enumerable.Range(0, 11).Select(i => (double)i).ToList();
        Assert.Equal([0, 5, 10], MarketingArtifactMapper.Thin(curve, 3));
        Assert.Same(curve, MarketingArtifactMapper.Thin(curve, 11));
    }

    [Fact]
    public void Velocity_histogram_bins_by_half_decades_with_a_zero_bin_and_stacks_by_class()
    {
        // Velocities 0 (dead), 0.05 and 0.2 (slow), 2 and 5 (fast): edges 10^-1.5 .. 10^1 in half decades.
        ItemSellThrough Item(double v, StockClass c) => new(0, "X", "x", 0, 0, 0, v, null, 0, null, c, false, v == 0);
        var traces = SellThroughCharts.VelocityHistogram(
            [Item(0, StockClass.Dead), Item(0.05, StockClass.Slow), Item(0.2, StockClass.Slow), Item(2, StockClass.Fast), Item(5, StockClass.Fast)]);

        Assert.Equal(["Fast", "Slow", "Dead"], traces.Select(t => t.Name));
        Assert.Equal(["0", "0.03–0.1", "0.1–0.3", "0.3–1", "1–3", "3–10"], traces[0].X!.Cast<string>());
        Assert.Equal([0, 0, 0, 0, 1, 1], traces[0].Y!.Cast<int>());
        Assert.Equal([0, 1, 1, 0, 0, 0], traces[1].Y!.Cast<int>());
        Assert.Equal([1, 0, 0, 0, 0, 0], traces[2].Y!.Cast<int>());
    }

    [Fact]
    public void Drift_reasons_name_the_band_that_was_missed_and_forbidden_dead_stock()
    {
        var row = new StrategyAuditRow("S", "Champions", 10, 100, 60, 30, 10, 0.6, 0.4, 0.1, 0.1, 0.2, false, 5, 0, true, null, null, null);
        Assert.Equal("slow share 40.0% above the band's 20%; 10 dead items where none are allowed", AuditCharts.DriftReason(row));
        Assert.Equal("", AuditCharts.DriftReason(row with { SlowShare = 0.15, DeadItems = 0 }));
    }

    [Fact]
    public void A_strategy_draft_round_trips_and_validates_with_the_engine_rules()
    {
        foreach (var s in DefaultStrategies.All)
            Assert.Equal(s, StrategyDraft.From(s).ToStrategy());
        var draft = StrategyDraft.From(DefaultStrategies.All[0]);
        draft.MinSlowPercent = 50;
        Assert.Contains("the minimum slow share exceeds the maximum", draft.Errors);
        draft.MinSlowPercent = 10;
        Assert.Equal("1–2 of 10 items slow", draft.SlowBandItems); // ceil(0.1 x 10) .. floor(0.2 x 10)
        Assert.Equal("model 80% · familiar 10% · segment 10%", draft.SourceMix);
    }
}
