using RetailRec.Engine.Marketing.Merchandising;
using RetailRec.Engine.Marketing.Segmentation;

namespace RetailRec.Tests.Engine.Marketing.Merchandising;

public class StrategyAuditTests
{
    [Fact]
    public void Audit_shares_reconcile_exactly_with_the_generated_lists()
    {
        var log = RandomRetailLog.Build(seed: 3);
        var date = log.DefaultAnalysisDate;
        var segmentation = MarketingSegmentation.Run(log, date, new SegmentationOptions { RunClustering = false });
        var sellThrough = SellThroughCalculator.Compute(log, date);
        var strategies = DefaultStrategies.All;
        var model = new FormulaRecommender((c, i) => (c * 7 + i * 13) % 23);
        var items = StrategyItemGenerator.Generate(log, segmentation.Segments, sellThrough, strategies, model,
            CustomerHistory.Build(log, date), StrategyItemGenerator.FavouritesBySegment(log, segmentation));

        Assert.Equal(segmentation.Segments.Count, items.Select(i => i.Customer).Distinct().Count());
        var audit = StrategyAudit.Run(items, strategies);
        Assert.Equal(items.Select(i => i.Strategy).Distinct().Order(), audit.Select(a => a.Strategy).Order());
        foreach (var row in audit)
        {
            var mine = items.Where(i => i.Strategy == row.Strategy).ToList();
            Assert.Equal(mine.Count, row.Slots);
            Assert.Equal(mine.Count(i => i.Class == StockClass.Fast), row.FastItems);
            Assert.Equal(mine.Count(i => i.Class == StockClass.Slow), row.SlowItems);
            Assert.Equal(mine.Count(i => i.Class == StockClass.Dead), row.DeadItems);
            Assert.Equal(mine.Count(i => i.Class != StockClass.Fast) / (double)mine.Count, row.SlowShare);
            Assert.Equal(mine.Select(i => i.Customer).Distinct().Count(), row.Customers);
            Assert.Equal(0, row.ListsOutOfBand);
            Assert.False(row.Drift);
            Assert.Null(row.DeltaSlowShare);
        }
        // Each list's class matches the sell-through table the lists were built from.
        Assert.All(items, i => Assert.Equal(sellThrough.Items[i.Item].Class, i.Class));
    }

    [Fact]
    public void Drift_and_change_against_a_previous_run()
    {
        var strategy = new MerchandisingStrategy { Name = "s", Segment = "Potential", ListLength = 2, MaxSlowShare = 0.5 };
        UserStrategyItem Item(int customer, int rank, StockClass cls) =>
            new(customer, "C" + customer, "Potential", "s", rank, rank, "P" + rank, "", PickSource.Model, cls, 1);
        // Customer 1: F, S (in band); customer 2: S, D (two slow of two, and dead is not allowed): drift.
        UserStrategyItem[] items = [Item(1, 1, StockClass.Fast), Item(1, 2, StockClass.Slow), Item(2, 1, StockClass.Slow), Item(2, 2, StockClass.Dead)];
        var previous = StrategyAudit.Run(items.Take(2).ToList(), [strategy]).Single();
        Assert.Equal((0.5, false), (previous.SlowShare, previous.Drift));

        var now = StrategyAudit.Run(items, [strategy], [previous]).Single();
        Assert.Equal((4, 1, 2, 1), (now.Slots, now.FastItems, now.SlowItems, now.DeadItems));
        Assert.Equal(0.75, now.SlowShare);
        Assert.True(now.Drift);
        Assert.Equal(1, now.ListsOutOfBand);
        Assert.Equal(0.25, now.DeltaSlowShare);
        Assert.Equal(-0.25, now.DeltaFastShare);
        Assert.Equal(0.25, now.DeltaDeadShare);
    }
}
