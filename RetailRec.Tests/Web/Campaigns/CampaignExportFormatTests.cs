using RetailRec.Engine.Promotions.Runs;
using RetailRec.Engine.Promotions.Campaigns;
using RetailRec.Engine.Promotions.CrossSell;

namespace RetailRec.Tests.Web.Campaigns;

public class CampaignExportFormatTests
{
    [Theory]
    [InlineData("Spring push", "Spring_push")]
    [InlineData("../../etc/passwd", "etc_passwd")]
    [InlineData("=cmd|' /C calc'!A0", "cmd_C_calc_A0")]
    [InlineData("Été 2011: cœurs", "t_2011_c_urs")]
    [InlineData("   ", "unnamed")]
    [InlineData("a\"b\r\nc", "a_b_c")]
    public void Campaign_names_become_safe_file_names(string name, string expected) =>
        Assert.Equal(expected, CampaignFileNames.Sanitise(name));

    [Fact]
    public void File_names_are_capped_and_carry_the_export_kind()
    {
        Assert.Equal("campaign_" + new string('x', 60) + ".csv", CampaignFileNames.For("campaign", new string('x', 200)));
        Assert.Equal("crosssell_Hearts.csv", CampaignFileNames.For("crosssell", "Hearts"));
    }

    [Fact]
    public void Cross_sell_export_neutralises_hostile_ids_and_descriptions()
    {
        var result = new CrossSellResult("85123A", "@SUM(A1:A9) HEART", [new PartnerRule("22423", "CAKESTAND", 9, 3.5)],
            [new CrossSellCandidate("-2+3", "=Country", 7.25, ["22423", "+x"])]);
        var writer = new StringWriter();
        CrossSellExport.Write(writer, result);
        var lines = writer.ToString().Split("\r\n");
        Assert.Equal("CustomerID,Country,Product,ProductDescription,SummedLift,PartnersBought", lines[0]);
        Assert.Equal("\"'-2+3\",\"'=Country\",85123A,\"'@SUM(A1:A9) HEART\",7.25,22423; +x", lines[1]);
    }

    [Fact]
    public void Campaign_roi_counts_only_incremental_profit_when_uplift_is_known()
    {
        var plain = new CampaignTotals("targeted", 100, 10, 0.1, 500, 50, 10, 90, 1.5, null, null);
        var withUplift = plain with { IncrementalBuyers = 3, IncrementalProfit = 12 };
        Assert.Equal(1.5, CampaignRoi.Of(plain));
        Assert.Equal(12 / 60.0, CampaignRoi.Of(withUplift), 12);
    }
}
