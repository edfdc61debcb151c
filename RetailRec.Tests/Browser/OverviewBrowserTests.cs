using Microsoft.Playwright;

namespace RetailRec.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class OverviewBrowserTests(AppServerFixture app)
{
    [Fact]
    public async Task First_start_shows_the_demo_dataset_with_rendered_plotly_charts()
    {
        var page = await app.OpenAsync("/");
        // The demo import runs as a job at first start; the page picks it up live when it finishes.
        await page.Locator("[data-testid=kpi-revenue]").WaitForAsync(new() { Timeout = 120_000 });
        foreach (var id in new[] { "monthly", "countries", "products" })
        {
            var chart = page.Locator($"[data-chart-id={id}]");
            await Assertions.Expect(chart).ToHaveAttributeAsync("data-chart-ready", "true", new() { Timeout = 30_000 });
            Assert.True(await chart.Locator(".main-svg").CountAsync() > 0, $"chart {id} drew no SVG");
        }
        var bars = await page.Locator("[data-chart-id=countries] .bars .point").CountAsync();
        Assert.InRange(bars, 1, 10); // top 10 countries, one bar each
    }
}
