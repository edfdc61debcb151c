using System.Net;
using RetailRec.Engine.Runs;
using RetailRec.Engine.Marketing.Runs;
using RetailRec.Engine.Marketing.Merchandising;
using RetailRec.Engine.Marketing.Segmentation;
using RetailRec.Tests.Support;
using RetailRec.Web.Components.Pages.Marketing;

namespace RetailRec.Tests.Web.Marketing;

public class MarketingPageTests(MarketingRunFixture run) : IClassFixture<MarketingRunFixture>
{
    private async Task<string> RenderAsync<TPage>() where TPage : Microsoft.AspNetCore.Components.IComponent =>
        WebUtility.HtmlDecode(await ComponentRenderer.RenderAsync<TPage>(run.Db.Services));

    [Fact]
    public async Task Segments_page_shows_the_latest_run_with_its_charts_profiles_customers_and_exports()
    {
        var store = run.Db.Get<RunStore>();
        var customers = (await store.ArtifactAsync(run.Result.RunId, MarketingArtifacts.Customers))!;
        var profiles = (await store.ArtifactAsync(run.Result.RunId, MarketingArtifacts.Profiles))!;

        var html = await RenderAsync<Segments>();

        Assert.Contains($"Run #{run.Result.RunId} · analysis date", html);
        foreach (var chart in new[] { "segment-bars", "rfm-scatter", "pca-scatter", "elbow", "silhouette" })
            Assert.Contains($"data-chart-id=\"{chart}\"", html);
        Assert.Contains($"{customers.Count:N0} of {customers.Count:N0} customers", html);
        var champions = profiles.Single(p => p.Scheme == SegmentSchemes.Marketing && p.Segment == MarketingSegmentMap.Champions);
        Assert.Matches($@"{champions.Customers:N0}\s*<span class=""rr-muted"">\({champions.CustomerShare:0%}\)</span>", html);
        foreach (var file in new[] { "user_rfm.csv", "user_segments.csv", "segment_top_items.csv" })
            Assert.Contains($"href=\"api/runs/{run.Result.RunId}/exports/{file}\"", html);
        Assert.DoesNotContain("No analysis for this dataset yet", html);
    }

    [Fact]
    public async Task A_saved_action_text_replaces_the_default_in_the_profiles_table()
    {
        var settings = run.Db.Get<MarketingSettingsStore>();
        var before = settings.Get(run.DatasetId);
        try
        {
            settings.Update(run.DatasetId, s => s with { Actions = new Dictionary<string, string> { [MarketingSegmentMap.AtRisk] = "Call them this week." } });
            var html = await RenderAsync<Segments>();
            Assert.Contains("Call them this week.", html);
            Assert.DoesNotContain(SegmentActions.Defaults[MarketingSegmentMap.AtRisk], html.Replace("Call them this week.", ""));
        }
        finally { settings.Save(run.DatasetId, before); }
    }

    [Fact]
    public async Task Audit_page_lists_every_strategy_with_its_band_and_status()
    {
        var audit = (await run.Db.Get<RunStore>().ArtifactAsync(run.Result.RunId, MarketingArtifacts.Audit))!;
        var html = await RenderAsync<Audit>();
        Assert.Contains("data-chart-id=\"audit-mix\"", html);
        Assert.Contains("data-chart-id=\"tradeoff\"", html);
        foreach (var a in audit)
        {
            Assert.Contains($"data-testid=\"audit-row-{a.Segment}\"", html);
            Assert.Contains(a.Strategy, html);
        }
        Assert.Contains("first run of this dataset", html);
    }

    [Fact]
    public async Task Sell_through_page_shows_class_counts_and_the_item_table()
    {
        var sell = (await run.Db.Get<RunStore>().ArtifactAsync(run.Result.RunId, MarketingArtifacts.SellThrough))!;
        var html = await RenderAsync<SellThrough>();
        Assert.Contains("data-chart-id=\"class-distribution\"", html);
        Assert.Contains("data-chart-id=\"velocity-histogram\"", html);
        Assert.Contains($"{sell.Items.Count:N0} of {sell.Items.Count:N0} items", html);
        foreach (var c in new[] { StockClass.Fast, StockClass.Slow, StockClass.Dead })
            Assert.Matches($@"data-testid=""kpi-{c.ToString().ToLowerInvariant()}""><div class=""rr-kpi-label"">{c}</div>\s*<div class=""rr-kpi-value"">{sell.Items.Count(i => i.Class == c):N0}</div>", html);
        Assert.Contains("data-testid=\"stock-card\"", html);
    }

    [Fact]
    public async Task Strategies_page_previews_sample_lists_and_flags_a_strategy_edited_since_the_run()
    {
        var settings = run.Db.Get<MarketingSettingsStore>();
        var before = settings.Get(run.DatasetId);
        var items = (await run.Db.Get<RunStore>().ArtifactAsync(run.Result.RunId, MarketingArtifacts.StrategyItems))!;
        try
        {
            settings.Update(run.DatasetId, s => s with
            {
                Strategies = DefaultStrategies.All.Select(x => x.Segment == MarketingSegmentMap.Champions ? x with { MaxSlowShare = 0.3 } : x).ToList(),
            });
            var html = await RenderAsync<Strategies>();
            var sample = items.Samples.First(s => s.Segment == MarketingSegmentMap.Champions);
            Assert.Contains($"data-testid=\"preview-{MarketingSegmentMap.Champions}\"", html);
            Assert.Contains(sample.Items[0].Description, html);
            Assert.Equal(1, Count(html, "This strategy has been edited since")); // only Champions was edited
            Assert.DoesNotContain("data-testid=\"errors-", html);                // every saved strategy is valid
        }
        finally { settings.Save(run.DatasetId, before); }
    }

    [Fact]
    public async Task A_dataset_without_a_run_gets_an_empty_state_with_the_run_button()
    {
        await using var db = await TempDatabase.CreateAsync();
        await SeedData.AddDatasetAsync(db, "Fresh", SeedData.Row("1", "A", 1, 2.5, "2011-03-01 10:00", "c1"));
        var html = await ComponentRenderer.RenderAsync<Segments>(db.Services);
        Assert.Contains("No analysis for this dataset yet", html);
        Assert.Contains("data-testid=\"run-analysis\"", html);
        Assert.DoesNotContain("data-chart-id", html);
    }

    private static int Count(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }
}
