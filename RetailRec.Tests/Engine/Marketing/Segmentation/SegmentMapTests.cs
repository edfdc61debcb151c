using RetailRec.Engine.Marketing.Segmentation;

namespace RetailRec.Tests.Engine.Marketing.Segmentation;

public class SegmentMapTests
{
    [Theory]
    [InlineData(5, 5, "Champions")]
    [InlineData(5, 4, "Champions")]
    [InlineData(4, 5, "Loyal")]
    [InlineData(3, 4, "Loyal")]
    [InlineData(5, 2, "Potential Loyalists")]
    [InlineData(4, 3, "Potential Loyalists")]
    [InlineData(5, 1, "New")]
    [InlineData(4, 1, "Promising")]
    [InlineData(3, 3, "Need Attention")]
    [InlineData(3, 1, "About To Sleep")]
    [InlineData(3, 2, "About To Sleep")]
    [InlineData(2, 4, "At Risk")]
    [InlineData(1, 3, "At Risk")]
    [InlineData(1, 5, "Can't Lose")]
    [InlineData(2, 5, "Can't Lose")]
    [InlineData(2, 2, "Hibernating")]
    [InlineData(1, 2, "Hibernating")]
    [InlineData(1, 1, "Lost")]
    public void Grid_cells_map_to_the_documented_segment(int r, int f, string expected) =>
        Assert.Equal(expected, RfSegmentGrid.Classify(new RfmScores(r, f, 3)));

    [Fact]
    public void Every_cell_of_the_grid_has_a_segment_and_all_eleven_are_used()
    {
        var used = new HashSet<string>();
        for (var r = 1; r <= 5; r++)
            for (var f = 1; f <= 5; f++) used.Add(RfSegmentGrid.Classify(new RfmScores(r, f, 1)));
        Assert.Equal(RfSegmentGrid.Segments.Order(), used.Order());
        Assert.Throws<ArgumentOutOfRangeException>(() => RfSegmentGrid.Classify(new RfmScores(0, 3, 3)));
    }

    [Fact]
    public void Default_marketing_map_and_user_overrides()
    {
        var map = MarketingSegmentMap.Default;
        Assert.Equal("Champions", map.Map("Loyal"));
        Assert.Equal("Potential", map.Map("New"));
        Assert.Equal("At_Risk", map.Map("Can't Lose"));
        Assert.Equal("Low_Value", map.Map("Lost"));
        Assert.Equal(RfSegmentGrid.Segments.Order(), map.GridToMarketing.Keys.Order());

        var custom = new MarketingSegmentMap(new Dictionary<string, string>(map.GridToMarketing) { ["About To Sleep"] = "Potential" });
        Assert.Equal("Potential", custom.Map("About To Sleep"));
        Assert.Equal("Low_Value", new MarketingSegmentMap(new Dictionary<string, string>()).Map("Champions")); // unmapped
    }
}
