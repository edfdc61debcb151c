using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Marketing.Merchandising;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Marketing.Merchandising;

public class SellThroughTests
{
    private static readonly DateTime Analysis = new(2011, 3, 1);
    private static readonly SellThroughOptions TenDays = new(WindowDays: 10);

    /// <summary>Window = [02-19, 03-01), previous window = [02-09, 02-19). See each item's comment for its hand figures.</summary>
    private static RetailLog Fixture() => RetailLogBuilder.Build(
    [
        Records.Sale("A", "i0", "S", "2011-01-15 00:00", qty: 1),   // S first sold long ago
        Records.Sale("A", "i1", "D", "2011-02-05 00:00", qty: 4),   // D: last sale before both windows -> dead
        Records.Sale("B", "i2", "F", "2011-02-10 00:00", qty: 15),  // F: previous window 15
        Records.Sale("A", "i3", "F", "2011-02-20 00:00", qty: 10),
        Records.Sale("C", "i4", "S", "2011-02-22 00:00", qty: 2),   // S: 2 units in the window -> 0.2/day
        Records.Sale("B", "i5", "F", "2011-02-25 00:00", qty: 10),
        Records.Sale("B", "i5", "F", "2011-02-25 00:00", qty: 1),   // same item twice in one invoice: one order
        Records.Sale("C", "i6", "N", "2011-02-26 00:00", qty: 3),   // N: launched 3 days before -> 1.0/day, new
        Records.Sale("A", "i7", "F", "2011-02-28 00:00", qty: 9),   // F: 30 units, 3 orders, 2 buyers -> 3.0/day
        Records.Return("A", "C8", "R", "2011-02-27 00:00", qty: -1),// R: only ever returned -> never sold
    ]);

    [Fact]
    public void Profiles_and_classes_match_hand_computed_values()
    {
        var log = Fixture();
        var r = SellThroughCalculator.Compute(log, Analysis, TenDays);
        var f = r.Items.Single(i => i.StockCode == "F");
        Assert.Equal((30L, 3, 2, 3.0, 1, 15L), (f.UnitsSold, f.Orders, f.DistinctBuyers, f.DailyVelocity, f.DaysSinceLastSale, f.PreviousUnitsSold));
        Assert.Equal(1.0, f.Trend!.Value, 12);
        var s = r.Items.Single(i => i.StockCode == "S");
        Assert.Equal((2L, 0.2, 7, (double?)null, false), (s.UnitsSold, s.DailyVelocity, s.DaysSinceLastSale, s.Trend, s.IsNew));
        var n = r.Items.Single(i => i.StockCode == "N");
        Assert.Equal((1.0, true), (n.DailyVelocity, n.IsNew));
        var d = r.Items.Single(i => i.StockCode == "D");
        Assert.Equal((0L, 24, StockClass.Dead, false), (d.UnitsSold, d.DaysSinceLastSale, d.Class, d.NeverSold));
        var never = r.Items.Single(i => i.StockCode == "R");
        Assert.Equal((StockClass.Dead, true, (int?)null), (never.Class, never.NeverSold, never.DaysSinceLastSale));

        // Velocities of sold items 0.2, 1.0, 3.0: the nearest-rank median is 1.0, so F and N are fast and S is slow.
        Assert.Equal(1.0, r.FastThreshold, 12);
        Assert.Equal((StockClass.Fast, StockClass.Slow, StockClass.Fast), (f.Class, s.Class, n.Class));
    }

    [Fact]
    public void An_absolute_threshold_overrides_the_percentile()
    {
        var r = SellThroughCalculator.Compute(Fixture(), Analysis, TenDays with { FastMinDailyVelocity = 2.0 });
        Assert.Equal(2.0, r.FastThreshold);
        Assert.Equal(StockClass.Slow, r.Items.Single(i => i.StockCode == "N").Class);
        Assert.Equal(StockClass.Fast, r.Items.Single(i => i.StockCode == "F").Class);
    }

    [Fact]
    public void Stock_rows_give_sell_through_and_weeks_of_cover()
    {
        var log = Fixture();
        StockRecord[] stock = [new("F", 20), new("s", 8, ReceivedUnits: 10, ReceivedDate: new DateTime(2011, 2, 22)), new("ZZZ", 5)];
        var r = SellThroughCalculator.Compute(log, Analysis, TenDays, stock);
        var f = r.Items.Single(i => i.StockCode == "F");
        Assert.Equal(30.0 / 50, f.SellThroughPct!.Value, 12);        // 30 sold / (30 sold + 20 on hand)
        Assert.Equal(20 / (7 * 3.0), f.WeeksOfCover!.Value, 12);
        var s = r.Items.Single(i => i.StockCode == "S");                // code matched case-insensitively
        Assert.Equal(2.0 / 10, s.SellThroughPct!.Value, 12);          // 2 sold since 02-22 / (2 + 8)
        Assert.Equal(8 / (7 * 0.2), s.WeeksOfCover!.Value, 12);
        Assert.Equal(10, s.ReceivedUnits);
        Assert.Null(r.Items.Single(i => i.StockCode == "D").OnHand);
    }
}
