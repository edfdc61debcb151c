using RetailRec.Engine.Promotions.Campaigns;
using RetailRec.Engine.Promotions.Export;

namespace RetailRec.Tests.Engine.Promotions;

public class CampaignExportTests
{
    [Fact]
    public void Formula_like_text_is_neutralised_and_numbers_are_left_alone()
    {
        var target = new CampaignTarget("=HYPERLINK(\"x\")", "+Country", 0.123456, 2, 10.5, -1.25, ["buys often", "@risk"], 10,
            DayOfWeek.Tuesday, 10, null);
        var writer = new StringWriter();
        CampaignExport.Write(writer, [target]);
        var lines = writer.ToString().Split("\r\n");
        Assert.Equal("CustomerID,Country,Probability,ExpectedUnits,ExpectedRevenue,ExpectedProfit,Uplift,DiscountPercent,SendDay,SendHour,Reasons", lines[0]);
        Assert.StartsWith("\"'=HYPERLINK(\"\"x\"\")\",\"'+Country\",0.1235,2,10.5,-1.25,,10,Tuesday,10,", lines[1]);
        Assert.EndsWith("buys often; @risk", lines[1]); // only a cell's first character matters
    }
}
