using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RetailRec.Engine.Data.Runs;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Jobs.Handlers;
using RetailRec.Engine.PromotionRuns;
using RetailRec.Engine.Promotions.Campaigns;
using RetailRec.Tests.Engine.PromotionRuns;
using RetailRec.Tests.Support;
using RetailRec.Web;
using RetailRec.Web.Campaigns;
using RetailRec.Web.Imports;
using CampaignsPage = RetailRec.Web.Components.Pages.Campaigns.Campaigns;

namespace RetailRec.Tests.Web.Campaigns;

public class CampaignsPageTests
{
    private static Action<IServiceCollection> PageServices(TempDatabase db) => s =>
    {
        var logs = new PromotionLogStore(new AppPaths(db.Folder, db.Path));
        s.AddSingleton(logs);
        s.AddSingleton(new ProductCatalog(db.Factory));
        s.AddSingleton(new CampaignLauncher(db.Get<JobService>(), logs, Options.Create(new DemoOptions())));
    };

    [Fact]
    public async Task Shows_the_latest_campaign_with_totals_audience_fairness_and_export_links()
    {
        await using var db = await TempDatabase.CreateAsync();
        var demo = await PromoDemo.ImportAsync(db.Services, db.Folder);
        var handler = db.Services.GetServices<IJobHandler>().OfType<CampaignJobHandler>().Single();
        var p = new CampaignJobParameters { DatasetId = demo.DatasetId, Name = "Spring push", StockCodes = [demo.TopCode], AudienceSize = 30 };
        var json = await handler.RunAsync(new PromoDemo.Recorder().Context(p), CancellationToken.None);
        var runId = JsonSerializer.Deserialize<PromotionJobResult>(json!, JobJson.Options)!.RunId;
        var plan = (await db.Get<RunStore>().ArtifactAsync<CampaignPlan>(runId, "plan"))!;

        var html = WebUtility.HtmlDecode(await ComponentRenderer.RenderAsync<CampaignsPage>(db.Services, configure: PageServices(db)));

        Assert.Contains("data-testid=\"campaign-form\"", html);
        Assert.Contains("data-testid=\"campaign-result\"", html);
        Assert.Contains("Spring push", html);
        Assert.Contains($"api/campaigns/{runId}/export/campaign", html);
        Assert.Contains("data-testid=\"totals-targeted\"", html);
        Assert.Contains("data-testid=\"totals-broadcast\"", html);
        Assert.Contains("data-testid=\"totals-random\"", html);
        Assert.Contains("data-chart-id=\"campaign-totals-chart\"", html);
        Assert.Contains(plan.Targets[0].CustomerId, html);          // the ranked grid's first row
        Assert.Contains("data-testid=\"fairness-table\"", html);
        // No marketing run and no promotion log for this dataset: the form says so instead of offering the filters.
        Assert.Contains("Segmentation hasn't been run for this dataset", html);
        Assert.Contains("Needs a promotion log", html);
        Assert.Contains("No backtest has been run on this dataset yet", html);
    }

    [Fact]
    public async Task Without_a_dataset_it_points_to_the_datasets_page()
    {
        await using var db = await TempDatabase.CreateAsync();
        var html = await ComponentRenderer.RenderAsync<CampaignsPage>(db.Services, configure: PageServices(db));
        Assert.Contains("No dataset yet", html);
        Assert.DoesNotContain("campaign-form", html);
    }
}
