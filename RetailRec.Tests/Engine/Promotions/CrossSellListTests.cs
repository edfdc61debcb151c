using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Promotions.CrossSell;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Promotions;

public class CrossSellListTests
{
    [Fact]
    public void Lists_buyers_of_strong_partners_who_never_bought_the_product_ranked_by_lift()
    {
        // Baskets 1-5 hold A with B; 6-10 hold C alone; 11 holds B alone (customer Q); 12 holds B and D (customer R).
        // n = 12 baskets, n(A) = 5, n(B) = 7, n(A,B) = 5: lift = 5 * 12 / (5 * 7) = 12/7.
        var records = new List<RetailRec.Engine.Domain.TransactionRecord>();
        for (var k = 1; k <= 5; k++)
        {
            records.Add(Records.Sale("P" + k, "A" + k, "A", $"2011-01-0{k}"));
            records.Add(Records.Sale("P" + k, "A" + k, "B", $"2011-01-0{k}"));
        }
        for (var k = 1; k <= 5; k++) records.Add(Records.Sale("S" + k, "C" + k, "C", $"2011-02-0{k}"));
        records.Add(Records.Sale("Q", "Q1", "B", "2011-03-01"));
        records.Add(Records.Sale("R", "R1", "B", "2011-03-02", country: "France"));
        records.Add(Records.Sale("R", "R1", "D", "2011-03-02", country: "France"));
        var log = RetailLogBuilder.Build(records);

        var result = CrossSellList.Build(log, "A", minLift: 1.5);
        var partner = Assert.Single(result.Partners);
        Assert.Equal("B", partner.StockCode);
        Assert.Equal(12.0 / 7, partner.Lift, 12);
        Assert.Equal(["Q", "R"], result.Candidates.Select(c => c.CustomerId));   // the P's already bought A
        Assert.All(result.Candidates, c => Assert.Equal(12.0 / 7, c.Score, 12));
        Assert.Equal("France", result.Candidates[1].Country);
        Assert.Empty(CrossSellList.Build(log, "A", minLift: 2).Candidates);      // 12/7 is below 2
    }
}
