using System.Net;
using RetailRec.Engine.Runs;
using RetailRec.Engine.Recommendations.Evaluation;
using RetailRec.Engine.Recommendations.Runs;
using RetailRec.Tests.Engine.Recommendations.Runs;
using RetailRec.Tests.Support;
using RetailRec.Web.Components.Pages.Recommendations;

namespace RetailRec.Tests.Web;

public class RecommendationPagesTests
{
    private static EvaluationResult Result(string model, string split, double ndcg, double recall) =>
        new(model, "k=1", "fp1", split, new Dictionary<string, double>
        {
            ["NDCG@10"] = ndcg, ["Recall@10"] = recall, ["NDCG@10.repeat"] = ndcg * 2, ["NDCG@10.explore"] = ndcg / 10,
        }, 10, 1.5, 0.25, "v1");

    [Fact]
    public async Task Models_page_shows_the_leaderboard_of_the_latest_run_best_first_with_chart_hosts()
    {
        await using var db = await TempDatabase.CreateAsync();
        var datasetId = await SeedData.AddDatasetAsync(db, "Shop", SeedData.Row("1", "A", 1, 1.0, "2011-03-01 10:00", "c1"));
        List<EvaluationResult> results = [Result("Popular", "T-test", 0.1234, 0.05), Result("EASE", "T-test", 0.2345, 0.06), Result("EASE", "L-test", 0.3, 0.07)];
        var summary = new EvaluationRunSummary("fp1", "v1", 30, false, ["Popular", "EASE"], [new SplitInfo("T-test", 10, 100, 2)], EvaluationResults.Best(results), 12);
        await db.Get<RunStore>().SaveRunAsync(datasetId, RecommendationJobs.EvaluationRun, "my first run", new { }, summary,
            new RunArtifacts().Add(RecommendationJobs.Artifacts.Results, results)
                .Add(RecommendationJobs.Artifacts.Holdout, new HoldoutArtifact(new Dictionary<string, Dictionary<string, string>>())));

        var html = WebUtility.HtmlDecode(await ComponentRenderer.RenderAsync<Models>(db.Services));

        Assert.Contains("data-testid=\"leaderboard-grid\"", html);
        Assert.True(html.IndexOf("EASE", StringComparison.Ordinal) < html.IndexOf("Popular", StringComparison.Ordinal), "sorted by NDCG@10, best first");
        Assert.Contains("0.2345", html);
        Assert.Contains("0.1234", html);
        var board = html[html.IndexOf("leaderboard-grid", StringComparison.Ordinal)..html.IndexOf("recall-ndcg", StringComparison.Ordinal)];
        Assert.DoesNotContain("0.3000", board);                         // the L-test row is not on the T-test board
        Assert.Contains("10 test customers, 2 unrankable targets dropped", html);
        Assert.Contains("data-chart-id=\"recall-ndcg\"", html);
        Assert.Contains("data-chart-id=\"repeat-explore\"", html);
        Assert.Contains("my first run", html);
        Assert.Contains("EASE (0.2345)", html);                          // run history: best on T-test
        Assert.Contains("EASE (0.3000)", html);                          // and on L-test
    }

    [Fact]
    public async Task Models_page_without_runs_offers_to_run_an_evaluation()
    {
        await using var db = await TempDatabase.CreateAsync();
        await SeedData.AddDatasetAsync(db, "Shop", SeedData.Row("1", "A", 1, 1.0, "2011-03-01 10:00", "c1"));
        var html = await ComponentRenderer.RenderAsync<Models>(db.Services);
        Assert.Contains("No evaluation yet", html);
        Assert.Contains("data-testid=\"run-evaluation\"", html);
        Assert.DoesNotContain("leaderboard-grid", html);
    }

    [Fact]
    public async Task Customer_360_shows_history_lists_and_holdout_marks_for_a_known_customer()
    {
        await using var db = await TempDatabase.CreateAsync();
        var datasetId = await RecsTestData.ImportDemoAsync(db, lines: 3000);
        var service = db.Get<RecommendationService>();
        var model = await service.Live.GetAsync(datasetId);
        var customer = model.Log.CustomerIds[model.Log.Baskets[^1].Customer];
        var top = model.Engine.Recommend(model.CustomerIndex(customer)!.Value, RetailRec.Engine.Recommendations.Serving.RecommendationMethod.Personalized);
        // An evaluation run whose T-test holdout says this customer bought the top Personalized item.
        var holdout = new HoldoutArtifact(new Dictionary<string, Dictionary<string, string>> { ["T-test"] = new() { [customer] = top[0].StockCode } });
        await db.Get<RunStore>().SaveRunAsync(datasetId, RecommendationJobs.EvaluationRun, "run", new { }, new { }, new RunArtifacts().Add(RecommendationJobs.Artifacts.Holdout, holdout));

        var html = WebUtility.HtmlDecode(await ComponentRenderer.RenderAsync<Customer360>(db.Services,
            new Dictionary<string, object?> { ["CustomerId"] = customer }));

        Assert.Contains("data-testid=\"customer-kpis\"", html);
        Assert.Contains("data-chart-id=\"customer-timeline\"", html);
        Assert.Contains("data-testid=\"baskets-grid\"", html);
        foreach (var m in Enum.GetValues<ServingMethod>()) Assert.Contains($"data-testid=\"recs-{m}\"", html);
        Assert.Contains(top[0].Description, html);
        Assert.Contains("data-hit=\"true\"", html);                       // the held-out purchase is marked
        Assert.Contains("No segmentation yet", html);                     // no marketing run for this dataset
        Assert.DoesNotContain("unknown-customer", html);
    }

    [Fact]
    public async Task Customer_360_explains_an_unknown_customer_as_a_cold_start()
    {
        await using var db = await TempDatabase.CreateAsync();
        var datasetId = await RecsTestData.ImportDemoAsync(db, lines: 2000);
        await db.Get<RecommendationService>().Live.GetAsync(datasetId);
        var html = WebUtility.HtmlDecode(await ComponentRenderer.RenderAsync<Customer360>(db.Services,
            new Dictionary<string, object?> { ["CustomerId"] = "NOBODY-42" }));
        Assert.Contains("data-testid=\"unknown-customer\"", html);
        Assert.Contains("has no purchases in this dataset", html);
        Assert.DoesNotContain("customer-kpis", html);
        Assert.Contains("cold start", html);
    }
}
