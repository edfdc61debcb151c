using RetailRec.Engine.Storage;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RetailRec.Engine.Runs;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Promotions.Runs;
using RetailRec.Engine.Promotions.Calibration;
using RetailRec.Engine.Promotions.Campaigns;
using RetailRec.Engine.Promotions.Models;
using RetailRec.Web.Components.Pages.Campaigns;
using RetailRec.Tests.Engine.Promotions.Runs;
using RetailRec.Tests.Support;
using RetailRec.Web;
using RetailRec.Engine.DemoData;
using CampaignsPage = RetailRec.Web.Components.Pages.Campaigns.Campaigns;

namespace RetailRec.Tests.Web.Campaigns;

public class CampaignsPageTests
{
    private static Action<IServiceCollection> PageServices(TempDatabase db) => s =>
    {
        var logs = new PromotionLogStore(db.Get<DataPaths>());
        s.AddSingleton(logs);
        s.AddSingleton(new ProductCatalog(db.Factory));
        s.AddSingleton(new CampaignLauncher(db.Get<JobService>(), logs));
    };

    [Fact]
    public async Task Shows_the_latest_campaign_with_totals_audience_fairness_and_export_links()
    {
        await using var db = await TempDatabase.CreateAsync();
        var demo = await PromoDemo.ImportAsync(db.Services, db.Folder);
        var handler = (CampaignJobHandler)db.Services.GetRequiredKeyedService<IJobHandler>(CampaignJobHandler.Kind.Name);
        var p = new CampaignJobParameters { DatasetId = demo.DatasetId, Name = "Spring push", StockCodes = [demo.TopCode], AudienceSize = 30 };
        var json = await handler.RunAsync(new PromoDemo.Recorder().Context(p), CancellationToken.None);
        var runId = JsonSerializer.Deserialize<AnalysisJobResult>(json!, JobJson.Options)!.RunId;
        var plan = (await db.Get<RunStore>().ArtifactAsync(runId, PromotionJobs.Artifacts.Plan))!;

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
        // The model card: the default logistic model, Platt calibrated on the horizon before the scoring date.
        Assert.Contains("data-testid=\"campaign-model-card\"", html);
        Assert.Contains("logistic regression, Platt calibrated", html);
        Assert.Contains("Platt scaling of the model's log-odds", html);
        Assert.Contains("data-chart-id=\"campaign-reliability\"", html);
        Assert.Contains(plan.Model!.Calibration.BrierCalibrated.ToString("0.00000"), html);
        Assert.DoesNotContain("data-testid=\"campaign-model-recommender\"", html);
    }

    [Fact]
    public async Task A_campaign_scored_by_the_mlp_with_a_recommender_feature_says_so()
    {
        await using var db = await TempDatabase.CreateAsync();
        var demo = await PromoDemo.ImportAsync(db.Services, db.Folder);
        var handler = (CampaignJobHandler)db.Services.GetRequiredKeyedService<IJobHandler>(CampaignJobHandler.Kind.Name);
        var form = new CampaignFormModel { Name = "Neural push", AudienceSize = 25, PropensityModel = PropensityModelKind.Mlp,
            Calibration = CalibrationMethod.Isotonic, RecommenderFeature = "ItemKNN" };
        form.StockCodes.Add(demo.TopCode);
        Assert.Empty(form.Problems());
        await handler.RunAsync(new PromoDemo.Recorder().Context(form.ToParameters(demo.DatasetId)), CancellationToken.None);

        var html = WebUtility.HtmlDecode(await ComponentRenderer.RenderAsync<CampaignsPage>(db.Services, configure: PageServices(db)));

        Assert.Contains("MLP (neural), Isotonic calibrated", html);
        Assert.Contains("isotonic (pool-adjacent-violators) step function", html);
        Assert.Contains("ItemKNN, fitted only on baskets before each cutoff", html);
        Assert.Contains("recommended by ItemKNN", html); // in the feature list
    }

    [Fact]
    public void The_form_refuses_an_unknown_recommender_and_maps_its_model_choices()
    {
        var form = new CampaignFormModel { Name = "x", Keyword = "LANTERN", RecommenderFeature = "EASE" };
        Assert.Contains(form.Problems(), p => p.Contains("Unknown recommender"));
        form.RecommenderFeature = "";
        Assert.Empty(form.Problems());
        var p = form.ToParameters(7);
        Assert.Equal(PropensityModelKind.Logistic, p.Model);
        Assert.Equal(CalibrationMethod.Platt, p.Calibration);
        Assert.Null(p.RecommenderFeature);
    }

    [Fact]
    public async Task A_campaign_saved_before_models_were_recorded_gets_an_explanation_instead_of_a_blank_card()
    {
        await using var db = await TempDatabase.CreateAsync();
        var html = WebUtility.HtmlDecode(await ComponentRenderer.RenderAsync<CampaignModelCard>(db.Services,
            new Dictionary<string, object?> { [nameof(CampaignModelCard.Info)] = null }));
        Assert.Contains("saved before the model and its calibration were recorded", html);
        Assert.DoesNotContain("campaign-reliability", html);
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
