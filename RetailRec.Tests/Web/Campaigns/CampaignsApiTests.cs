using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RetailRec.Engine.Data.Runs;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Jobs.Handlers;
using RetailRec.Engine.PromotionRuns;
using RetailRec.Engine.Promotions.Campaigns;
using RetailRec.Engine.Promotions.CrossSell;
using RetailRec.Tests.Engine.PromotionRuns;

namespace RetailRec.Tests.Web.Campaigns;

public class CampaignsApiTests(RetailRecAppFactory factory) : IClassFixture<RetailRecAppFactory>
{
    private async Task<(int RunId, HttpClient Client)> BuildCampaignAsync()
    {
        var client = factory.CreateClient(); // starts the app: database migrated
        var demo = await PromoDemo.ImportAsync(factory.Services, factory.DataFolder, hostile: true);
        using var scope = factory.Services.CreateScope();
        var handler = scope.ServiceProvider.GetServices<IJobHandler>().OfType<CampaignJobHandler>().Single();
        var p = new CampaignJobParameters { DatasetId = demo.DatasetId, Name = "Hearts & <Co>", StockCodes = [demo.TopCode], AudienceSize = 100_000 };
        var json = await handler.RunAsync(new PromoDemo.Recorder().Context(p, demo.DatasetId), CancellationToken.None);
        return (JsonSerializer.Deserialize<PromotionJobResult>(json!, JobJson.Options)!.RunId, client);
    }

    [Fact]
    public async Task Campaign_export_downloads_every_target_with_formula_cells_neutralised()
    {
        var (runId, client) = await BuildCampaignAsync();
        var plan = (await factory.Services.GetRequiredService<RunStore>().ArtifactAsync<CampaignPlan>(runId, "plan"))!;

        var r = await client.GetAsync($"/api/campaigns/{runId}/export/campaign");

        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("text/csv", r.Content.Headers.ContentType?.MediaType);
        Assert.Equal("campaign_Hearts_Co.csv", r.Content.Headers.ContentDisposition?.FileNameStar ?? r.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = (await r.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("CustomerID,Country,Probability,ExpectedUnits,ExpectedRevenue,ExpectedProfit,Uplift,DiscountPercent,SendDay,SendHour,Reasons", lines[0]);
        Assert.Equal(plan.Targets.Count + 1, lines.Length);
        Assert.Contains(plan.Targets, t => t.CustomerId == PromoDemo.HostileCustomer); // the busiest customer is eligible
        Assert.Contains(lines, l => l.StartsWith("\"'=HYPERLINK(", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("=", StringComparison.Ordinal) || l.StartsWith("\"=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cross_sell_export_matches_the_stored_list()
    {
        var (runId, client) = await BuildCampaignAsync();
        var stored = await factory.Services.GetRequiredService<RunStore>().ArtifactAsync<CrossSellResult>(runId, "crosssell");
        var r = await client.GetAsync($"/api/campaigns/{runId}/export/crosssell");
        if (stored is null)
        {
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            return;
        }
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("crosssell_Hearts_Co.csv", r.Content.Headers.ContentDisposition?.FileNameStar ?? r.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = (await r.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("CustomerID,Country,Product,ProductDescription,SummedLift,PartnersBought", lines[0]);
        Assert.Equal(stored.Candidates.Count + 1, lines.Length);
    }

    [Fact]
    public async Task Unknown_runs_kinds_and_runs_of_other_pages_are_404()
    {
        var (runId, client) = await BuildCampaignAsync();
        var other = await factory.Services.GetRequiredService<RunStore>().SaveRunAsync(
            (await factory.Services.GetRequiredService<RunStore>().GetAsync(runId))!.DatasetId, "marketing", "m", new { }, new { }, new Dictionary<string, object>());

        foreach (var url in new[] { "/api/campaigns/987654/export/campaign", $"/api/campaigns/{runId}/export/everything", $"/api/campaigns/{other}/export/campaign" })
        {
            var r = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_campaign_built_over_the_api_is_saved_listed_and_readable_with_its_model()
    {
        var client = factory.CreateClient();
        var demo = await PromoDemo.ImportAsync(factory.Services, factory.DataFolder);

        var r = await client.PostAsJsonAsync("/api/campaigns?wait=true", new
        {
            name = "API push", datasetId = demo.DatasetId, stockCodes = new[] { demo.TopCode }, audienceSize = 20, model = "MLP", calibration = "isotonic",
        });

        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var created = await r.Content.ReadFromJsonAsync<JsonElement>();
        var runId = created.GetProperty("runId").GetInt32();
        Assert.Equal($"/api/campaigns/{runId}", r.Headers.Location?.OriginalString);

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{runId}");
        var plan = detail.GetProperty("plan");
        Assert.Equal(20, plan.GetProperty("targets").GetArrayLength());
        Assert.Equal("MLP (neural), Isotonic calibrated", plan.GetProperty("model").GetProperty("name").GetString());
        Assert.Equal("API push", detail.GetProperty("run").GetProperty("summary").GetProperty("name").GetString());

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns?datasetId={demo.DatasetId}");
        Assert.Contains(list.EnumerateArray(), run => run.GetProperty("id").GetInt32() == runId && run.GetProperty("label").GetString() == "API push");
    }

    [Fact]
    public async Task A_bad_campaign_request_is_refused_with_the_pages_messages_and_queues_nothing()
    {
        var client = factory.CreateClient();
        var demo = await PromoDemo.ImportAsync(factory.Services, factory.DataFolder);
        var jobsBefore = (await client.GetFromJsonAsync<JsonElement>("/api/jobs?take=500")).GetArrayLength();

        async Task<(HttpStatusCode Status, string Title)> Post(object body)
        {
            var r = await client.PostAsJsonAsync("/api/campaigns", body);
            var problem = await r.Content.ReadFromJsonAsync<JsonElement>();
            return (r.StatusCode, problem.GetProperty("title").GetString()!);
        }

        var noProduct = await Post(new { name = "x", datasetId = demo.DatasetId });
        Assert.Equal((HttpStatusCode.BadRequest, "Pick at least one product or enter a description keyword."), noProduct);
        var badModel = await Post(new { name = "x", datasetId = demo.DatasetId, keyword = "HEART", model = "xgboost" });
        Assert.Equal(HttpStatusCode.BadRequest, badModel.Status);
        Assert.Contains("\"logistic\", \"mlp\" or \"lightgbm\"", badModel.Title); // issue 12 added LightGBM
        var numericCalibration = await Post(new { name = "x", datasetId = demo.DatasetId, keyword = "HEART", calibration = "1" }); // names only, not enum numbers
        Assert.Equal(HttpStatusCode.BadRequest, numericCalibration.Status);
        var badDiscount = await Post(new { name = "x", datasetId = demo.DatasetId, keyword = "HEART", discountPercent = 95 });
        Assert.Equal((HttpStatusCode.BadRequest, "The discount must lie between 0 and 90 %."), badDiscount);
        var noDataset = await Post(new { name = "x", datasetId = 987_654, keyword = "HEART" });
        Assert.Equal((HttpStatusCode.NotFound, "Dataset 987654 not found."), noDataset);

        Assert.Equal(jobsBefore, (await client.GetFromJsonAsync<JsonElement>("/api/jobs?take=500")).GetArrayLength());
    }
}
