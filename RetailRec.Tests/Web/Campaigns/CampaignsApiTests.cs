using System.Net;
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
}
