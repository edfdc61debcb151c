using RetailRec.Engine.Marketing.Segmentation;

namespace RetailRec.Tests.Engine.Marketing.Segmentation;

public class MarketingSegmentationTests
{
    private static readonly SegmentationOptions NoClustering = new() { RunClustering = false };

    [Fact]
    public void Three_customers_with_ties_get_hand_computed_scores_and_segments()
    {
        var log = SegmentFixtures.ThreeCustomers();
        var result = MarketingSegmentation.Run(log, log.DefaultAnalysisDate, NoClustering);
        // Recency A=1, B=4, D=4 -> R 5,2,2. Frequency 2,1,1 -> F 5,2,2. Monetary 9,10,2 -> M 3,5,1.
        Assert.Equal([new RfmScores(5, 5, 3), new RfmScores(2, 2, 5), new RfmScores(2, 2, 1)], result.Segments.Select(s => s.Scores));
        Assert.Equal(["Champions", "Hibernating", "Hibernating"], result.Segments.Select(s => s.GridSegment));
        Assert.Equal(["Champions", "Low_Value", "Low_Value"], result.Segments.Select(s => s.MarketingSegment));

        var champions = result.Profiles.Single(p => p is { Scheme: SegmentSchemes.Marketing, Segment: "Champions" });
        Assert.Equal(1, champions.Customers);
        Assert.Equal(1.0 / 3, champions.CustomerShare, 12);
        Assert.Equal(9.0 / 21, champions.RevenueShare, 12);
        var low = result.Profiles.Single(p => p is { Scheme: SegmentSchemes.Marketing, Segment: "Low_Value" });
        Assert.Equal((4.0, 1.0, 6.0), (low.MeanRecency, low.MeanFrequency, low.MeanMonetary));
        Assert.Equal(SegmentActions.Defaults["Low_Value"], low.Action);

        // Low_Value bought Z (1 buyer, 10 units) and X (1 buyer, 2 units): Z ranks first on units.
        var top = result.TopItems.Where(t => t is { Scheme: SegmentSchemes.Marketing, Segment: "Low_Value" }).ToList();
        Assert.Equal(["Z", "X"], top.Select(t => t.StockCode));
        Assert.Equal((1, 2L, 2.0), (top[1].Buyers, top[1].Units, top[1].Revenue));
    }

    [Fact]
    public void Two_customers_split_into_loyal_and_hibernating()
    {
        var log = SegmentFixtures.TwoCustomers();
        var result = MarketingSegmentation.Run(log, log.DefaultAnalysisDate, NoClustering);
        Assert.Equal([new RfmScores(4, 4, 4), new RfmScores(2, 2, 2)], result.Segments.Select(s => s.Scores));
        Assert.Equal(["Loyal", "Hibernating"], result.Segments.Select(s => s.GridSegment));
        Assert.Equal(["Champions", "Low_Value"], result.Segments.Select(s => s.MarketingSegment));
    }

    [Fact]
    public void One_customer_is_average_and_clustering_is_skipped()
    {
        var log = SegmentFixtures.OneCustomer();
        var result = MarketingSegmentation.Run(log, log.DefaultAnalysisDate);
        Assert.Equal(new RfmScores(3, 3, 3), result.Segments.Single().Scores);
        Assert.Equal("Need Attention", result.Segments.Single().GridSegment);
        Assert.Equal("Potential", result.Segments.Single().MarketingSegment);
        Assert.Null(result.Clustering);
    }

    [Fact]
    public void User_action_text_overrides_the_default()
    {
        var log = SegmentFixtures.ThreeCustomers();
        var options = NoClustering with { Actions = new Dictionary<string, string> { ["Champions"] = "Send a thank-you card" } };
        var result = MarketingSegmentation.Run(log, log.DefaultAnalysisDate, options);
        Assert.Equal("Send a thank-you card", result.Profiles.First(p => p.Segment == "Champions").Action);
        Assert.Equal(SegmentActions.Defaults["Hibernating"], result.Profiles.Single(p => p.Segment == "Hibernating").Action);
    }
}
