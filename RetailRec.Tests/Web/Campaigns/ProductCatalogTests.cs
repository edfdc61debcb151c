using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Datasets;
using RetailRec.Engine.Domain;
using RetailRec.Tests.Support;
using RetailRec.Engine.Promotions.Campaigns;
using RetailRec.Engine.Promotions.Runs;

namespace RetailRec.Tests.Web.Campaigns;

public class ProductCatalogTests
{
    [Fact]
    public async Task Lists_products_by_buyers_and_searches_codes_before_descriptions()
    {
        await using var db = await TempDatabase.CreateAsync();
        var id = await SeedData.AddDatasetAsync(db, "Shop",
            SeedData.Row("1", "A1", 1, 2, "2011-01-03 10:00", "c1", description: "RED HEART"),
            SeedData.Row("2", "A1", 1, 2, "2011-01-04 10:00", "c2", description: "RED HEART"),
            SeedData.Row("3", "A1", 1, 2, "2011-01-05 10:00", "c3", "France", description: "RED HEART"),
            SeedData.Row("4", "B7", 2, 2, "2011-01-05 11:00", "c1", description: "HEART BOX"),
            SeedData.Row("5", "B7", 2, 2, "2011-01-06 11:00", "c4", "France", description: "HEART BOX"),
            SeedData.Row("6", "HX2", 1, 5, "2011-01-07 11:00", "c2", description: "BLUE MUG"),
            // Not sales a campaign can use: a cancellation and a guest line.
            SeedData.Row("C7", "Z9", -1, 5, "2011-01-08 11:00", "c1", flags: LineFlags.Cancellation | LineFlags.Return, description: "GONE"),
            SeedData.Row("8", "G1", 1, 5, "2011-01-08 12:00", null, flags: LineFlags.MissingCustomer, description: "GUEST ONLY"));
        var dataset = (await db.Get<DatasetService>().GetAsync(id))!;

        var catalog = await new ProductCatalog(db.Factory).GetAsync(dataset);

        Assert.Equal(["A1", "B7", "HX2"], catalog.Items.Select(i => i.StockCode));
        Assert.Equal([3, 2, 1], catalog.Items.Select(i => i.Buyers));
        Assert.Equal(["HX2", "A1", "B7"], catalog.Search("h").Select(i => i.StockCode)); // code prefix first, then descriptions
        Assert.Equal(2, catalog.KeywordMatches(" heart "));
        Assert.Equal(["France", "United Kingdom"], catalog.Countries); // 2 customers each (c3, c4 / c1, c2): ties by name
    }
}
