using RetailRec.Engine.Marketing.Runs;
using RetailRec.Engine.Recommendations.Runs;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Datasets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RetailRec.Engine.Runs;
using RetailRec.Engine.Datasets.Ingestion;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Promotions.Runs;
using RetailRec.Engine.Promotions.Campaigns;
using RetailRec.Engine.Promotions.CrossSell;
using RetailRec.Engine.Promotions.Uplift;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Promotions.Runs;

public class CampaignJobHandlerTests
{
    private static CampaignJobHandler Handler(TempDatabase db) =>
        (CampaignJobHandler)db.Services.GetRequiredKeyedService<IJobHandler>(CampaignJobHandler.Kind.Name);

    [Fact]
    public async Task Builds_a_capped_uplift_campaign_and_stores_it_as_a_run_with_its_cross_sell_list()
    {
        await using var db = await TempDatabase.CreateAsync();
        var demo = await PromoDemo.ImportAsync(db.Services, db.Folder);
        var recorder = new PromoDemo.Recorder();
        var p = new CampaignJobParameters
        {
            DatasetId = demo.DatasetId, Name = "Spring push", StockCodes = [demo.TopCode], AudienceSize = 40,
            MaxRecentContacts = 1, PromotionLogPath = demo.LogPath,
        };

        var json = await Handler(db).RunAsync(recorder.Context(p, demo.DatasetId), CancellationToken.None);

        var result = JsonSerializer.Deserialize<AnalysisJobResult>(json!, JobJson.Options)!;
        var runs = db.Get<RunStore>();
        var run = (await runs.GetAsync(result.RunId))!;
        Assert.Equal(("campaign", "Spring push", demo.DatasetId), (run.Kind, run.Label, run.DatasetId));
        var plan = (await runs.ArtifactAsync(run.Id, PromotionJobs.Artifacts.Plan))!;
        Assert.Equal([demo.TopCode], plan.StockCodes);
        Assert.Equal(40, plan.Targets.Count);
        // Uplift was estimated from the log: every target carries it and the totals are incremental.
        Assert.All(plan.Targets, t => Assert.NotNull(t.Uplift));
        Assert.NotNull(plan.Targeted.IncrementalProfit);
        // The cap: nobody offered something in the 60 days before the scoring date is contacted again.
        var log = await db.Get<DatasetLoader>().LoadRetailLogAsync(demo.DatasetId);
        var recent = FatigueDetector.RecentContacts(demo.Log, log.DefaultAnalysisDate, 60);
        Assert.True(recent.Count > 0, "the demo's last promotion lies within 60 days of the end");
        Assert.DoesNotContain(plan.Targets, t => recent.ContainsKey(t.CustomerId));
        var summary = JsonSerializer.Deserialize<CampaignRunSummary>(run.SummaryJson, RunStore.Json)!;
        Assert.True(summary.UsesUplift);
        Assert.Equal(recent.Count, summary.CappedCustomers);
        Assert.Equal(CampaignRoi.Of(plan.Targeted), summary.ExpectedRoi, 9);

        // The stored cross-sell list is the engine's list for the first product as of the same date.
        var expected = CrossSellList.Build(log, demo.TopCode, log.DefaultAnalysisDate);
        var stored = await runs.ArtifactAsync(run.Id, PromotionJobs.Artifacts.CrossSell);
        Assert.Equal(expected.Candidates.Select(c => c.CustomerId), stored!.Candidates.Select(c => c.CustomerId));

        Assert.Equal(recorder.Reports.Select(r => r.Percent).Order(), recorder.Reports.Select(r => r.Percent));
        Assert.Contains(recorder.Lines, l => l.StartsWith("uplift estimated for", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_segment_filter_needs_a_marketing_run_and_then_keeps_to_the_chosen_segment()
    {
        await using var db = await TempDatabase.CreateAsync();
        var demo = await PromoDemo.ImportAsync(db.Services, db.Folder);
        var p = new CampaignJobParameters { DatasetId = demo.DatasetId, Name = "Loyal only", StockCodes = [demo.TopCode], AudienceSize = 1000, Segments = ["Loyal"] };

        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => Handler(db).RunAsync(new PromoDemo.Recorder().Context(p), CancellationToken.None));
        Assert.Contains("segmentation", missing.Message);

        // A marketing run's per-customer rows (only CustomerId and Segment are read): every third customer is "Loyal".
        var log = await db.Get<DatasetLoader>().LoadRetailLogAsync(demo.DatasetId);
        var rows = log.CustomerIds.Select((id, i) => new { CustomerId = id, Segment = i % 3 == 0 ? "Loyal" : "Other", Frequency = i }).ToList();
        await db.Get<RunStore>().SaveRunAsync(demo.DatasetId, MarketingJobs.Run, "seg", new { }, new { },
            new RunArtifacts().Add(new ArtifactKey<object>(MarketingArtifacts.Customers.Name), rows));

        var segments = (await db.Get<ICustomerSegmentSource>().LatestAsync(demo.DatasetId))!;
        Assert.Equal(["Loyal", "Other"], segments.Names);
        Assert.Same(segments.Names, segments.Names); // one instance: the page's dropdown keeps its selection across renders

        var json = await Handler(db).RunAsync(new PromoDemo.Recorder().Context(p), CancellationToken.None);
        var plan = (await db.Get<RunStore>().ArtifactAsync(JsonSerializer.Deserialize<AnalysisJobResult>(json!, JobJson.Options)!.RunId, PromotionJobs.Artifacts.Plan))!;
        var loyal = rows.Where(r => r.Segment == "Loyal").Select(r => r.CustomerId).ToHashSet();
        Assert.NotEmpty(plan.Targets);
        Assert.All(plan.Targets, t => Assert.Contains(t.CustomerId, loyal));
        Assert.Null(plan.Targeted.IncrementalProfit); // no promotion log: plain propensity economics
    }
}
