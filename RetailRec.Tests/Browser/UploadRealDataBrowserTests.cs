using System.Globalization;
using Microsoft.Playwright;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Browser;

[Collection(UploadBrowserCollection.Name)]
public class UploadRealDataBrowserTests(AppServerFixture app)
{
    [Fact]
    public async Task Uploading_the_real_online_retail_file_imports_every_line_with_live_progress()
    {
        Assert.True(File.Exists(TestPaths.RealDataset), $"The shared dataset is expected at {TestPaths.RealDataset}");
        var page = await app.OpenAsync("/datasets");
        await page.Locator("[data-testid=upload-input]").SetInputFilesAsync(TestPaths.RealDataset);

        // The job's progress is pushed live to the page (no refresh); it ends in a success or an error message.
        var outcome = page.Locator("[data-testid=import-done], [data-testid=import-error]");
        try { await outcome.WaitForAsync(new() { Timeout = 400_000 }); }
        catch (TimeoutException ex)
        {
            // Say where it stuck: what the page showed and what the server last logged.
            var shown = await page.Locator("main").InnerTextAsync();
            var log = app.ServerOutput;
            throw new TimeoutException($"{ex.Message}\n--- page ---\n{shown}\n--- server output (tail) ---\n{log[Math.Max(0, log.Length - 6000)..]}", ex);
        }
        var text = await outcome.InnerTextAsync();
        Assert.True(await page.Locator("[data-testid=import-done]").CountAsync() == 1, "import failed: " + text);
        Assert.Contains("541,909", text);

        // The new dataset is active and listed; its report adds up.
        var row = page.Locator("[data-testid=datasets-grid] tr", new() { HasText = "online_retail_I" }).First;
        await row.WaitForAsync();
        var rows = long.Parse(await row.Locator("[data-testid^=dataset-rows-]").InnerTextAsync(), NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("en-GB"));
        await row.Locator(".rz-row-toggler").ClickAsync();
        var report = page.Locator("[data-testid=import-report]");
        await report.WaitForAsync();
        var imported = Number(await report.Locator("[data-testid=report-imported]").InnerTextAsync());
        var rejected = Number(await report.Locator("[data-testid=report-rejected]").InnerTextAsync());
        Assert.Equal(541_909, imported + rejected);
        Assert.Equal(imported, rows);
        Assert.Equal(9_288, Number(await report.Locator("[data-testid=report-count-Cancellation]").InnerTextAsync()));

        // Overview now shows the real data with its charts.
        await page.GotoAsync(app.BaseUrl + "/");
        await Assertions.Expect(page.Locator("[data-testid=dataset-switcher]")).ToContainTextAsync("online_retail_I");
        await Assertions.Expect(page.Locator("[data-testid=kpi-customers]")).ToContainTextAsync("4,372");
        await Assertions.Expect(page.Locator("[data-testid=kpi-invoices]")).ToContainTextAsync("25,900");
        await Assertions.Expect(page.Locator("[data-chart-id=monthly]")).ToHaveAttributeAsync("data-chart-ready", "true", new() { Timeout = 60_000 });
        Assert.True(await page.Locator("[data-chart-id=monthly] .main-svg").CountAsync() > 0);
    }

    private static long Number(string text) => long.Parse(text.Trim(), NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("en-GB"));
}
