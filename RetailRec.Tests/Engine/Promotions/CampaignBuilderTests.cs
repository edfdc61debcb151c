using RetailRec.Engine.DemoData;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Promotions.Campaigns;

namespace RetailRec.Tests.Engine.Promotions;

public sealed class CampaignDemoFixture
{
    public RetailLog Log { get; } = RetailLogBuilder.Build(DemoDataGenerator.Generate(new DemoDataOptions { TargetLines = 25_000, Seed = 21 }).Records);
}

public class CampaignBuilderTests(CampaignDemoFixture fixture) : IClassFixture<CampaignDemoFixture>
{
    private readonly RetailLog _log = fixture.Log;

    [Fact]
    public void A_keyword_campaign_ranks_by_expected_profit_and_beats_broadcast_and_random_on_conversion()
    {
        var plan = new CampaignBuilder(_log).Build(new CampaignRequest { Keyword = "lantern", AudienceSize = 50, DiscountPercent = 10 });

        Assert.NotEmpty(plan.StockCodes);
        Assert.All(plan.Descriptions, d => Assert.Contains("LANTERN", d));
        Assert.Equal(50, plan.Targets.Count);
        Assert.Equal(plan.Targets.OrderByDescending(t => t.ExpectedProfit).Select(t => t.CustomerId), plan.Targets.Select(t => t.CustomerId));
        Assert.All(plan.Targets, t => Assert.InRange(t.Reasons.Count, 1, 3));
        Assert.All(plan.Targets, t => Assert.InRange(t.Probability, 0, 1));
        Assert.Equal(50, plan.Targeted.Messages);
        Assert.Equal(plan.Eligible, plan.Broadcast.Messages);
        Assert.True(plan.Targeted.ConversionRate > 2 * plan.Broadcast.ConversionRate);
        // A random audience of n is expected to convert at the broadcast rate.
        Assert.Equal(plan.Broadcast.ConversionRate, plan.RandomAudience.ConversionRate, 2);
        Assert.Equal(plan.Broadcast.ExpectedBuyers * 50 / plan.Eligible, plan.RandomAudience.ExpectedBuyers, 6);
        Assert.Equal(plan.Targets.Sum(t => t.ExpectedProfit), plan.Targeted.ExpectedProfit, 6);
    }

    [Fact]
    public void Budget_country_filter_and_contact_cap_shape_the_audience()
    {
        var code = _log.ItemCodes[_log.Lines.GroupBy(l => l.Item).MaxBy(g => g.Count())!.Key];
        var capped = _log.CustomerIds.Take(200).ToDictionary(id => id, _ => 3);
        var plan = new CampaignBuilder(_log).Build(new CampaignRequest
        {
            StockCodes = [code, "NOPE1"], Budget = 2.0, CostPerMessage = 0.1, Countries = ["United Kingdom"],
            MaxRecentContacts = 3, RecentContacts = capped,
        });
        Assert.Equal(20, plan.Targets.Count);
        Assert.All(plan.Targets, t => Assert.Equal("United Kingdom", t.Country));
        Assert.All(plan.Targets, t => Assert.DoesNotContain(t.CustomerId, capped.Keys));
        Assert.Contains(plan.Warnings, w => w.Contains("NOPE1"));
        Assert.Throws<ArgumentException>(() => new CampaignBuilder(_log).Build(new CampaignRequest { Keyword = "NO SUCH THING" }));
    }

    [Fact]
    public void Totals_follow_the_documented_formulas()
    {
        var request = new CampaignRequest { CostPerMessage = 0.5 };
        var economics = new CampaignEconomics(request, discount: 0.1);
        ScoredCustomer[] audience =
        [
            new(0, 0.5, RawProbability: 0.5, Units: 3, Gross: 20, Margin: 8, Uplift: 0.2, [], DayOfWeek.Monday, 10),
            new(1, 0.25, RawProbability: 0.25, Units: 1, Gross: 10, Margin: 4, Uplift: -0.05, [], DayOfWeek.Monday, 10),
        ];
        var t = economics.Totals("targeted", audience, 1);
        Assert.Equal(2, t.Messages);
        Assert.Equal(0.75, t.ExpectedBuyers, 12);
        Assert.Equal(0.375, t.ConversionRate, 12);
        Assert.Equal(27, t.ExpectedRevenue, 12);        // 30 gross less 10 %
        Assert.Equal(3, t.DiscountCost, 12);
        Assert.Equal(1, t.MessageCost, 12);
        Assert.Equal(12 - 3 - 1, t.ExpectedProfit, 12);
        Assert.Equal(8.0 / 4, t.ExpectedRoi, 12);
        Assert.Equal(0.15, t.IncrementalBuyers!.Value, 12);
        // 0.2/0.5*8 - 2 - 0.5  +  (-0.05/0.25)*4 - 1 - 0.5
        Assert.Equal(3.2 - 2.5 + -0.8 - 1.5, t.IncrementalProfit!.Value, 12);
        var random = economics.Totals("random", audience, 0.5);
        Assert.Equal(1, random.Messages);
        Assert.Equal(0.375, random.ExpectedBuyers, 12);
    }
}
