using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Promotions.Campaigns;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Promotions;

public class CampaignHelpersTests
{
    [Fact]
    public void Send_time_is_the_customers_most_common_weekday_and_hour()
    {
        // 2011-01-04 and 2011-01-11 are Tuesdays, 2011-01-05 a Wednesday.
        var log = RetailLogBuilder.Build(
        [
            Records.Sale("A", "1", "X", "2011-01-04 10:15"), Records.Sale("A", "2", "X", "2011-01-11 10:40"),
            Records.Sale("A", "3", "X", "2011-01-05 14:00"), Records.Sale("B", "4", "X", "2011-01-05 14:00"),
            Records.Sale("B", "5", "X", "2011-01-05 16:00"), Records.Sale("A", "6", "X", "2011-01-06 09:00"),
            Records.Sale("A", "7", "X", "2011-01-06 09:10"), Records.Sale("A", "8", "X", "2011-01-06 09:20"), // after the cutoff
        ]);
        var advisor = new SendTimeAdvisor(log, new DateTime(2011, 1, 6));
        Assert.Equal((DayOfWeek.Tuesday, 10), advisor.For(0));
        Assert.Equal((DayOfWeek.Wednesday, 14), advisor.For(1)); // hour tie 14 vs 16 -> earlier
    }

    [Theory]
    [InlineData(0.7, 10, null, 0)]
    [InlineData(0.3, 15, null, 10)]
    [InlineData(0.1, 15, null, 15)]
    [InlineData(0.01, 15, null, 20)]
    [InlineData(0.1, 10, -0.01, 0)]
    public void Discount_tiers_follow_the_rule(double p, double requested, double? uplift, int expected) =>
        Assert.Equal(expected, DiscountTiers.Suggest(p, requested, uplift));

    [Fact]
    public void Fairness_flags_a_country_targeted_far_beyond_its_share_of_buyers()
    {
        var log = RetailLogBuilder.Build(
        [
            Records.Sale("U1", "1", "X", "2011-01-01"), Records.Sale("U2", "2", "X", "2011-01-01"),
            Records.Sale("F1", "3", "X", "2011-01-01", country: "France"), Records.Sale("F2", "4", "X", "2011-01-01", country: "France"),
        ]);
        ScoredCustomer S(int c, double p) => new(c, p, p, 1, 1, 1, null, [], DayOfWeek.Monday, 9);
        ScoredCustomer[] all = [S(0, 4), S(1, 4), S(2, 1), S(3, 1)]; // "probabilities" as expected-buyer weights: UK 8 of 10
        var rows = CountryFairness.Compute(log, all, [all[2], all[3]], ratio: 2);
        var france = rows.Single(r => r.Country == "France");
        var uk = rows.Single(r => r.Country == "United Kingdom");
        Assert.Equal(1.0, france.ShareOfTargets, 12);
        Assert.Equal(0.2, france.ShareOfExpectedBuyers, 12);
        Assert.False(france.Warning);          // only 2 expected buyers: too few to judge
        Assert.True(uk.Warning);               // 0 % of targets against 80 % of expected buyers
        Assert.Equal(0, uk.TargetingRate);
    }
}
