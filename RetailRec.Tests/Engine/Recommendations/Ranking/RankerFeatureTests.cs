using RetailRec.Engine.Recommendations.Ranking;
using static RetailRec.Tests.Engine.Recommendations.TinyLogs;
using F = RetailRec.Engine.Recommendations.Ranking.RankerFeature;

namespace RetailRec.Tests.Engine.Recommendations.Ranking;

public class RankerFeatureTests
{
    [Fact]
    public void Features_match_values_computed_by_hand()
    {
        // Invoices are n minutes after midnight (TinyLogs), so day counts carry a few minutes: compare to 2 decimals.
        var log = Build(("A", 0, "X Y"), ("A", 10, "X"), ("B", 20, "X"), ("B", 25, "Y"), ("A", 30, "X Z"), ("B", 50, "Z"));
        var asOf = new DateTime(2011, 1, 1).AddDays(40);
        var context = new RankerFeatureContext(log, asOf); // B's day-50 basket is after asOf and must be ignored
        var row = new float[RankerFeatures.Count];
        context.Fill(C(log, "A"), I(log, "X"), row);
        float V(F f) => row[(int)f];

        // Repeat signals of (A, X): bought on days 0, 10, 30.
        Assert.Equal(3, V(F.BasketsWithItem));
        Assert.Equal(10, V(F.DaysSinceBought), 2);
        Assert.Equal(15, V(F.MeanIntervalDays), 2);            // (30 - 0) / 2
        Assert.Equal(10f / 15, V(F.DueRatio), 2);
        Assert.Equal(1, V(F.ShareOfBaskets), 3);                // 3 of A's 3 baskets
        Assert.Equal(Math.Pow(0.5, 40 / 30.0) + 0.5 + Math.Pow(0.5, 10 / 30.0), V(F.RecencyWeighted30), 2);
        Assert.Equal(1, V(F.MeanQuantity), 3);

        // Item X: buyers A (last day 30) and B (day 20); in the 30 days before the last 30 only A (day 0, 40 days back).
        Assert.Equal(2, V(F.Buyers));
        Assert.Equal(0, V(F.Buyers7));
        Assert.Equal(2, V(F.Buyers30));
        Assert.Equal((2 + 1f) / (1 + 1), V(F.Trend), 3);
        Assert.Equal(10, V(F.DaysSinceItemSold), 2);
        Assert.Equal(40, V(F.DaysSinceItemFirstSold), 2);
        Assert.Equal(0.5f, V(F.ItemRepeatRate), 3);             // A re-buys it, B does not

        // Customer A: 3 baskets, gaps 10 and 20, sizes 2, 1, 2; after the first basket 2 of 3 item slots were re-buys.
        Assert.Equal(3, V(F.CustomerBaskets));
        Assert.Equal(10, V(F.DaysSinceLastBasket), 2);
        Assert.Equal(15, V(F.MeanBasketGapDays), 2);
        Assert.Equal(5f / 3, V(F.MeanBasketSize), 3);
        Assert.Equal(2f / 3, V(F.CustomerRepeatShare), 3);

        // (A, Y): bought once (day 0): no interval, so no due ratio; Y last sold on day 25 (fading).
        context.Fill(C(log, "A"), I(log, "Y"), row);
        Assert.Equal(RankerFeatures.Missing, V(F.MeanIntervalDays));
        Assert.Equal(RankerFeatures.Missing, V(F.DueRatio));
        Assert.Equal(40, V(F.DaysSinceBought), 2);
        Assert.Equal(15, V(F.DaysSinceItemSold), 2);

        // (B, Z): never bought by B, and Z's only buyer before asOf is A.
        context.Fill(C(log, "B"), I(log, "Z"), row);
        Assert.Equal(0, V(F.BasketsWithItem));
        Assert.Equal(RankerFeatures.Missing, V(F.DaysSinceBought));
        Assert.Equal(1, V(F.Buyers));
    }
}
