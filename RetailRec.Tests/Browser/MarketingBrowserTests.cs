using System.Text.Json;
using Microsoft.Playwright;

namespace RetailRec.Tests.Browser;

/// <summary>
/// The marketing pages on the demo data of a first start: the demo import queues a marketing run, whose results the
/// pages draw with Plotly. Waits on conditions (job state, chart readiness), never on fixed sleeps.
/// </summary>
[Collection(BrowserCollection.Name)]
public class MarketingBrowserTests(AppServerFixture app)
{
    [Fact]
    public async Task Segments_sell_through_and_audit_render_their_charts_and_react_to_clicks_and_search()
    {
        var runJob = await WaitForMarketingRunAsync();
        var page = await app.NewPageAsync();

        await page.GotoAsync(app.BaseUrl + "/marketing/segments");
        await ExpectChartsAsync(page, "segment-bars", "rfm-scatter", "pca-scatter", "elbow", "silhouette", "autoencoder-scatter", "autoencoder-silhouette");
        var count = page.Locator("[data-testid=customer-count]");
        var all = await count.InnerTextAsync();
        // Click-through: a bar of the segment chart filters the customers table to that segment.
        // Plotly's drag layer sits over the bars and turns pointer positions into points, so click at the bar's position.
        // Charts below may still be laid out (a scrollbar appearing resizes every chart), so the bar is re-measured
        // and clicked again until the filter shows, a bounded number of times.
        var filter = page.Locator("[data-testid=segment-filter]");
        for (var attempt = 0; attempt < 5 && await filter.CountAsync() == 0; attempt++)
        {
            var bar = (await page.Locator("[data-chart-id=segment-bars] .bars .point path").First.BoundingBoxAsync())!;
            await page.Mouse.MoveAsync(bar.X + bar.Width / 2, bar.Y + bar.Height / 2);
            await page.Mouse.ClickAsync(bar.X + bar.Width / 2, bar.Y + bar.Height / 2);
            try { await filter.WaitForAsync(new() { Timeout = 3_000 }); } catch (TimeoutException) { }
        }
        await Assertions.Expect(filter).ToBeVisibleAsync();
        await Assertions.Expect(count).Not.ToHaveTextAsync(all);

        await page.GotoAsync(app.BaseUrl + "/marketing/sell-through");
        await ExpectChartsAsync(page, "class-distribution", "velocity-histogram");
        var items = page.Locator("[data-testid=item-count]");
        var before = await items.InnerTextAsync();
        await page.Locator("[data-testid=item-search]").FillAsync("zzzz-no-such-item");
        await Assertions.Expect(items).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^0 of "));
        Assert.StartsWith("1,", before.Replace(" of ", "|").Split('|')[1]); // the demo catalogue has over a thousand items

        await page.GotoAsync(app.BaseUrl + "/marketing/audit");
        await ExpectChartsAsync(page, "audit-mix", "tradeoff");
        Assert.Equal(4, await page.Locator("[data-testid=audit-table] tbody tr").CountAsync());

        var href = await page.Locator("[data-testid='export-strategy_sellthrough_mix.csv']").GetAttributeAsync("href");
        var csv = await page.APIRequest.GetAsync(app.BaseUrl + "/" + href);
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("strategy,segment,customers", await csv.TextAsync());
        Assert.Equal($"api/runs/{runJob}/exports/strategy_sellthrough_mix.csv", href); // the page shows the latest run
    }

    /// <summary>Waits until the first-start marketing job has succeeded; returns its run id (from the job's result).</summary>
    private async Task<int> WaitForMarketingRunAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (DateTime.UtcNow < deadline)
        {
            var jobs = JsonDocument.Parse(await http.GetStringAsync("/api/jobs")).RootElement.EnumerateArray()
                .Where(j => j.GetProperty("kind").GetString() == "marketing").ToList();
            if (jobs.FirstOrDefault(j => j.GetProperty("state").GetString() == "Succeeded") is { ValueKind: JsonValueKind.Object } done)
                return JsonDocument.Parse(done.GetProperty("resultJson").GetString()!).RootElement.GetProperty("runId").GetInt32();
            Assert.DoesNotContain(jobs, j => j.GetProperty("state").GetString() == "Failed");
            await Task.Delay(500);
        }
        throw new TimeoutException("No marketing run finished within 4 minutes:\n" + app.ServerOutput);
    }

    private static async Task ExpectChartsAsync(IPage page, params string[] ids)
    {
        foreach (var id in ids)
        {
            var chart = page.Locator($"[data-chart-id={id}]");
            await Assertions.Expect(chart).ToHaveAttributeAsync("data-chart-ready", "true", new() { Timeout = 60_000 });
            Assert.True(await chart.Locator(".main-svg").CountAsync() > 0, $"chart {id} drew no SVG");
        }
    }
}
