using RetailRec.Engine.DemoData;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Promotions.Features;
using RetailRec.Engine.Recommendations.Neighbourhood;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Promotions;

public class PropensityFeatureTests
{
    [Theory]
    [InlineData(1, "2011-03-15")]
    [InlineData(2, "2011-09-01")]
    [InlineData(3, "2010-11-20")]
    public void Appending_future_transactions_changes_no_feature(int seed, string cutoffText)
    {
        var cutoff = DateTime.Parse(cutoffText, System.Globalization.CultureInfo.InvariantCulture);
        var records = DemoDataGenerator.Generate(new DemoDataOptions { TargetLines = 15_000, Seed = seed }).Records;
        var past = RetailLogBuilder.Build(records.Where(r => r.InvoiceDate < cutoff));
        var all = RetailLogBuilder.Build(records); // the same past plus everything after the cutoff

        var hPast = new PurchaseHistory(past, cutoff);
        var hAll = new PurchaseHistory(all, cutoff);
        var customers = hPast.ActiveCustomers();
        Assert.Equal(customers.Select(c => past.CustomerIds[c]), hAll.ActiveCustomers().Select(c => all.CustomerIds[c]));
        var builder = new PropensityFeatureBuilder();
        // Popular, mid and rare items of the past.
        var items = Enumerable.Range(0, past.ItemCount).OrderByDescending(i => hPast.ItemBuyers[i].Length).Where((_, k) => k % 40 == 0).Take(6).ToList();
        Assert.True(items.Count >= 4);
        var allItems = items.Select(i => all.ItemIndexOf(past.ItemCodes[i])!.Value).ToList();
        var allCustomers = customers.Select(c => all.CustomerIndexOf(past.CustomerIds[c])!.Value).ToArray();
        // The recommender feature too: each log fits its own ItemKNN, and only baskets before the cutoff may count.
        var withRecPast = new PropensityFeatureBuilder(new RecommenderScores(past, () => new ItemKnnRecommender(50), items));
        var withRecAll = new PropensityFeatureBuilder(new RecommenderScores(all, () => new ItemKnnRecommender(50), allItems));
        for (var k = 0; k < items.Count; k++)
        {
            var a = builder.Build(hPast, items[k], customers);
            var b = builder.Build(hAll, allItems[k], allCustomers);
            Assert.Equal(a.Values, b.Values);
            Assert.Contains(a.Values, v => v != 0);

            var ra = withRecPast.Build(hPast, items[k], customers);
            var rb = withRecAll.Build(hAll, allItems[k], allCustomers);
            Assert.Equal(ra.Values, rb.Values);
            Assert.Contains(Enumerable.Range(0, customers.Length), r => ra.Row(r)[^1] > 0);
        }
    }

    [Fact]
    public void Item_history_features_match_hand_computed_values()
    {
        // Customer A bought X on Jan 1 and Jan 31 (interval 30 days); scored on Mar 2, 30 days after the last purchase.
        var log = RetailLogBuilder.Build(
        [
            Records.Sale("A", "1", "X", "2011-01-01 10:00"), Records.Sale("A", "2", "X", "2011-01-31 10:00"),
            Records.Sale("B", "3", "Y", "2011-02-01 10:00"), Records.Sale("A", "9", "X", "2011-03-05 10:00"), // after the cutoff
        ]);
        var h = new PurchaseHistory(log, new DateTime(2011, 3, 2, 10, 0, 0));
        var m = new PropensityFeatureBuilder().Build(h, log.ItemIndexOf("X")!.Value, [0, 1]);
        var a = m.Row(0);
        Assert.Equal(Math.Log(3), a[0], 12);                 // 2 baskets
        Assert.Equal(Math.Exp(-30.0 / 90), a[1], 12);        // last basket 30 days ago
        Assert.Equal(1, a[5]);
        Assert.Equal(Math.Log(2), a[6], 12);
        Assert.Equal(Math.Exp(-30.0 / 60), a[7], 12);
        Assert.Equal(1.0, a[8], 12);                          // exactly one interval since the last re-buy
        Assert.Equal(Math.Log(2), a[11], 12);                 // one recent buyer of X
        Assert.Equal(0, m.Row(1)[5]);
    }

    [Fact]
    public void Basket_partner_lift_and_similar_item_cosine_match_hand_computed_values()
    {
        // 5 baskets: {X,Y} {X,Y} {X,Y} {X,Z} {Y}. n(X)=4, n(Y)=4, n(X,Y)=3 -> lift = 3*5/(4*4) = 0.9375 (below 1.5: no partner).
        // Z: n(X,Z)=1 -> lift 1*5/(4*1) = 1.25. With minLift 0.9 and minSupport 1 both show, strongest lift (Z) first.
        var log = RetailLogBuilder.Build(
        [
            Records.Sale("A", "1", "X", "2011-01-01"), Records.Sale("A", "1", "Y", "2011-01-01"),
            Records.Sale("B", "2", "X", "2011-01-02"), Records.Sale("B", "2", "Y", "2011-01-02"),
            Records.Sale("C", "3", "X", "2011-01-03"), Records.Sale("C", "3", "Y", "2011-01-03"),
            Records.Sale("D", "4", "X", "2011-01-04"), Records.Sale("D", "4", "Z", "2011-01-04"),
            Records.Sale("E", "5", "Y", "2011-01-05"),
        ]);
        var h = new PurchaseHistory(log, new DateTime(2011, 2, 1));
        int x = log.ItemIndexOf("X")!.Value, y = log.ItemIndexOf("Y")!.Value, z = log.ItemIndexOf("Z")!.Value;
        var partners = ItemRelations.BasketPartners(h, x, minSupport: 1, minLift: 0.9);
        Assert.Equal([z, y], partners.Select(p => p.Item));
        Assert.Equal(1.25, partners[0].Strength, 12);
        Assert.Equal(0.9375, partners[1].Strength, 12);
        Assert.Empty(ItemRelations.BasketPartners(h, x, minSupport: 1)); // default minimum lift 1.5

        // Customers: X bought by A,B,C,D; Y by A,B,C,E -> cosine = 3 / sqrt(4*4) = 0.75; Z by D -> 1/sqrt(4) = 0.5.
        var similar = ItemRelations.SimilarItems(h, x, minSupport: 1);
        Assert.Equal([y, z], similar.Select(s => s.Item));
        Assert.Equal(0.75, similar[0].Strength, 12);
        Assert.Equal(0.5, similar[1].Strength, 12);
    }
}
