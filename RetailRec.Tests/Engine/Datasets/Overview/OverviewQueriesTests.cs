using RetailRec.Engine.Datasets.Overview;
using RetailRec.Engine.Domain;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Datasets.Overview;

public class OverviewQueriesTests
{
    [Fact]
    public async Task Kpis_and_charts_match_hand_computed_values()
    {
        await using var db = await TempDatabase.CreateAsync();
        var id = await SeedData.AddDatasetAsync(db, "tiny",
            SeedData.Row("1001", "A", 2, 5.0, "2011-01-10 10:00", "c1"),                       // 10
            SeedData.Row("1001", "B", 1, 20.0, "2011-01-10 10:00", "c1"),                      // 20
            SeedData.Row("1002", "A", 4, 5.0, "2011-02-03 09:00", "c2", "France"),             // 20
            SeedData.Row("C1003", "A", -1, 5.0, "2011-02-04 09:00", "c2", "France",
                LineFlags.Cancellation | LineFlags.Return),                                        // -5
            SeedData.Row("1004", "POST", 1, 18.0, "2011-02-05 09:00", "c2", "France", LineFlags.NonProduct),
            SeedData.Row("1005", "B", 1, 20.0, "2011-02-06 09:00", null, flags: LineFlags.MissingCustomer)); // 20

        var data = await db.Get<OverviewQueries>().GetAsync(id);

        Assert.Equal(65.0, data.Kpis.Revenue, 9);               // 10 + 20 + 20 - 5 + 20; POST excluded
        Assert.Equal(5, data.Kpis.Invoices);                     // every distinct invoice number, as the Datasets list counts
        Assert.Equal(2, data.Kpis.Customers);
        Assert.Equal(2, data.Kpis.Items);
        Assert.Equal(5.0 / 70.0, data.Kpis.ReturnRate, 9);       // returned 5 of 70 sold
        Assert.Equal(new DateTime(2011, 1, 10, 10, 0, 0), data.Kpis.From);
        Assert.Equal(6, data.Kpis.Lines);
        Assert.Equal(["2011-01", "2011-02"], data.Monthly.Select(m => m.Month));
        Assert.Equal([30.0, 35.0], data.Monthly.Select(m => m.Revenue));
        Assert.Equal([1, 2], data.Monthly.Select(m => m.Invoices));      // orders per month: no cancellations
        Assert.Equal(("United Kingdom", 50.0), (data.TopCountries[0].Name, data.TopCountries[0].Value));
        Assert.Equal("B", data.TopProducts[0].Code);              // B: 40, A: 25
        Assert.Equal(25.0, data.TopProducts[1].Value, 9);
    }
}
