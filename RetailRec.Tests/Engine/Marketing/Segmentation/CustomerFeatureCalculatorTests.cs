using RetailRec.Engine.Marketing.Segmentation;

namespace RetailRec.Tests.Engine.Marketing.Segmentation;

public class CustomerFeatureCalculatorTests
{
    [Fact]
    public void Computes_rfm_and_behaviour_by_hand()
    {
        var log = SegmentFixtures.ThreeCustomers();
        var rows = CustomerFeatureCalculator.Compute(log, log.DefaultAnalysisDate);

        Assert.Equal(new DateTime(2011, 1, 9), log.DefaultAnalysisDate);
        Assert.Equal(["A", "B", "D"], rows.Select(r => r.CustomerId)); // C only returned goods
        var a = rows[0];
        Assert.Equal(1, a.RecencyDays);
        Assert.Equal(2, a.Frequency);
        Assert.Equal(13.0, a.SalesValue, 12);
        Assert.Equal(4.0, a.ReturnValue, 12);
        Assert.Equal(9.0, a.Monetary, 12);
        Assert.Equal(4.0 / 13, a.ReturnRate, 12);
        Assert.Equal(1.5, a.AvgBasketItems, 12);
        Assert.Equal(2.0, a.AvgBasketUnits, 12);
        Assert.Equal(6.5, a.AvgBasketValue, 12);
        Assert.Equal(2, a.DistinctItems);
        Assert.Equal(0.5, a.WeekendShare, 12);
        Assert.Equal(6, a.TenureDays);

        var b = rows[1];
        Assert.Equal((4, 1, 10.0, 0.0, 1, 0.0, 4), (b.RecencyDays, b.Frequency, b.Monetary, b.ReturnRate, b.DistinctItems, b.WeekendShare, b.TenureDays));
    }

    [Fact]
    public void An_earlier_analysis_date_ignores_later_purchases_and_returns()
    {
        var log = SegmentFixtures.ThreeCustomers();
        var rows = CustomerFeatureCalculator.Compute(log, new DateTime(2011, 1, 6));
        var a = rows.Single(r => r.CustomerId == "A");
        Assert.Equal((3, 1, 10.0, 0.0), (a.RecencyDays, a.Frequency, a.Monetary, a.ReturnValue));
        Assert.Equal(3, rows.Count);
    }
}
