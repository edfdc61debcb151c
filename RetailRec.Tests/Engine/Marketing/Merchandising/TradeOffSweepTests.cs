using RetailRec.Engine.Marketing.Merchandising;
using RetailRec.Engine.Marketing.Segmentation;

namespace RetailRec.Tests.Engine.Marketing.Merchandising;

public class TradeOffSweepTests
{
    [Fact]
    public void Sweep_trains_before_the_cutoff_and_delivers_the_pinned_shares()
    {
        var log = RandomRetailLog.Build(seed: 5, customers: 60);
        var date = log.DefaultAnalysisDate;
        FormulaRecommender? model = null;
        var options = new TradeOffOptions { HoldoutDays = 30, K = 10, Levels = [0, 0.2, 0.5] };
        var result = TradeOffSweep.Run(log, date, options, new SegmentationOptions(), new SellThroughOptions(), DefaultStrategies.All,
            () => model = new FormulaRecommender((c, i) => -i));

        Assert.Equal(date.AddDays(-30), result.Cutoff);
        Assert.NotNull(model!.FittedOn);
        Assert.True(model.FittedOn!.Baskets.Max(b => b.Time) < result.Cutoff); // no leak from the holdout
        var holdoutCustomers = log.Baskets.Where(b => b.Time >= result.Cutoff).Select(b => b.Customer).ToHashSet();
        var trainCustomers = log.Baskets.Where(b => b.Time < result.Cutoff).Select(b => b.Customer).ToHashSet();
        Assert.Equal(holdoutCustomers.Intersect(trainCustomers).Count(), result.EvaluatedCustomers);
        Assert.Equal([0, 0.2, 0.5], result.Points.Select(p => p.TargetSlowShare));
        Assert.All(result.Points, p => Assert.Equal(p.TargetSlowShare, p.DeliveredSlowShare, 12));
        Assert.All(result.Points, p => Assert.InRange(p.RecallAtK, 0, 1));
        Assert.True(result.Points[0].NdcgAtK > 0);
    }
}
