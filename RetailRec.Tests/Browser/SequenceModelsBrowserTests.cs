using Microsoft.Playwright;

namespace RetailRec.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class SequenceModelsBrowserTests(AppServerFixture app)
{
    [Fact]
    public async Task Training_sasrec_from_the_models_page_shows_live_progress_curves_and_the_shuffle_test()
    {
        var page = await app.OpenAsync("/models");
        var panel = page.Locator("[data-testid=sequence-models]");
        await panel.WaitForAsync(new() { Timeout = 120_000 });
        // One epoch keeps the test short; the job still trains on both splits plus the shuffled retrain.
        await panel.Locator("input.rz-spinner-input, .rz-numeric input").First.FillAsync("1");
        await panel.Locator("label[for=shuffle]").ClickAsync();
        await page.Locator("[data-testid=train-sequence]").ClickAsync();

        await page.Locator("[data-testid=sequence-progress]").WaitForAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-testid=sequence-leaderboard]")).ToContainTextAsync("SASRec", new() { Timeout = 300_000 });
        await Assertions.Expect(page.Locator("[data-chart-id=sequence-curves]")).ToHaveAttributeAsync("data-chart-ready", "true", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-chart-id=shuffle-test-chart]")).ToHaveAttributeAsync("data-chart-ready", "true");
        await Assertions.Expect(page.Locator("[data-testid=shuffle-test]")).ToContainTextAsync("NDCG@10 changes by");
        await Assertions.Expect(page.Locator("[data-testid=sequence-leaderboard]")).ToContainTextAsync("SASRec (pure)");
    }
}
