using RetailRec.Tests.Support;
using RetailRec.Web.Components.Pages;

namespace RetailRec.Tests.Web;

public class OverviewPageTests
{
    [Fact]
    public async Task Renders_kpis_and_chart_hosts_for_the_active_dataset()
    {
        await using var db = await TempDatabase.CreateAsync();
        await SeedData.AddDatasetAsync(db, "Shop A",
            SeedData.Row("1", "A", 3, 10.0, "2011-03-01 10:00", "c1"),
            SeedData.Row("2", "B", 1, 1234.5, "2011-04-01 10:00", "c2", "Germany"));

        var html = System.Net.WebUtility.HtmlDecode(await ComponentRenderer.RenderAsync<Overview>(db.Services));

        Assert.Contains("data-testid=\"kpi-revenue\"", html);
        Assert.Contains("£1,265", html);                          // 30 + 1234.5, shown without pence
        Assert.Contains("Mar 2011 – Apr 2011", html);
        Assert.Contains("1 Mar 2011 – 1 Apr 2011", html);
        Assert.Contains("data-chart-id=\"monthly\"", html);
        Assert.Contains("data-chart-id=\"countries\"", html);
        Assert.Contains("data-chart-id=\"products\"", html);
        Assert.DoesNotContain("No dataset yet", html);
    }

    [Fact]
    public async Task Shows_an_empty_state_with_a_way_forward_when_there_is_no_dataset()
    {
        await using var db = await TempDatabase.CreateAsync();
        var html = await ComponentRenderer.RenderAsync<Overview>(db.Services);
        Assert.Contains("No dataset yet", html);
        Assert.Contains("Go to Datasets", html);
        Assert.DoesNotContain("kpi-revenue", html);
    }
}
