using RetailRec.Engine.Domain;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Datasets.RetailLogs;

public class RetailLogBuilderTests
{
    [Fact]
    public void Groups_invoices_into_time_ordered_baskets_and_keeps_returns_apart()
    {
        var log = RetailLogBuilder.Build(
        [
            Records.Sale("B", "002", "X", "2011-01-02 10:00", qty: 2, price: 3),
            Records.Sale("A", "001", "X", "2011-01-01 09:00"),
            Records.Sale("A", "001", "Y", "2011-01-01 09:00"),
            Records.Sale("A", "001", "X", "2011-01-01 09:00"),          // same item twice in a basket
            Records.Return("A", "C003", "Y", "2011-01-03 09:00", qty: -1),
            Records.Sale("", "004", "Y", "2011-01-04 09:00"),            // no customer: not a sale
            Records.Sale("A", "005", "POST", "2011-01-05 09:00") with { Flags = LineFlags.NonProduct },
        ]);

        Assert.Equal(["A", "B"], log.CustomerIds);
        Assert.Equal(["X", "Y"], log.ItemCodes);
        Assert.Equal(4, log.Lines.Length);
        Assert.Equal(2, log.Baskets.Length);
        Assert.Equal([0, 1], log.Baskets[0].Items);
        Assert.Equal(3.0, log.Baskets[0].Value);
        Assert.Equal(6.0, log.Baskets[1].Value);
        Assert.Single(log.Returns);
        Assert.Equal(1.0, log.Returns[0].Value);
        Assert.Equal(new DateTime(2011, 1, 3), log.DefaultAnalysisDate);
        Assert.Equal([[0], [1]], log.BasketsByCustomer());
    }
}
