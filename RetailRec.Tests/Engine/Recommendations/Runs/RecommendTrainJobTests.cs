using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Datasets;
using Microsoft.Extensions.DependencyInjection;
using RetailRec.Engine.Runs;
using RetailRec.Engine.Datasets.Ingestion;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Recommendations.Serving;
using RetailRec.Engine.Recommendations.Runs;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Recommendations.Runs;

public class RecommendTrainJobTests
{
    [Fact]
    public async Task Training_stores_lists_that_match_the_live_engine_and_answers_unknown_customers_as_cold_start()
    {
        await using var db = await TempDatabase.CreateAsync();
        var datasetId = await RecsTestData.ImportDemoAsync(db, lines: 4000);
        var service = db.Get<RecommendationService>();
        Assert.Equal(LiveState.Missing, service.Live.State(datasetId));

        using var scope = db.Services.CreateScope();
        var handler = scope.ServiceProvider.GetRequiredKeyedService<IJobHandler>("recommend-train");
        var (_, steps, _) = await RecsTestData.RunAsync(handler, new RecommendTrainParameters(datasetId, Count: 12), datasetId);

        var run = (await db.Get<RunStore>().ListAsync(datasetId, RecommendationJobs.ListsRun)).Single();
        Assert.Contains(steps, s => s.Step.StartsWith("Precomputing SevenSlots"));
        Assert.Equal(LiveState.Ready, service.Live.State(datasetId));      // the job handed its engine to the live path
        var model = service.Live.TryGet(datasetId)!;
        var log = await db.Get<DatasetLoader>().LoadRetailLogAsync(datasetId);
        Assert.Equal(log.CustomerIds, model.Log.CustomerIds);

        // For every method, a precomputed answer is exactly what the live engine computes now.
        var customer = log.CustomerIds[log.Baskets[^1].Customer];
        foreach (var method in Enum.GetValues<ServingMethod>())
        {
            var stored = await service.RecommendAsync(datasetId, customer, method, 5, ServingPath.Precomputed);
            var live = await service.RecommendAsync(datasetId, customer, method, 5, ServingPath.Live);
            Assert.Equal(ServingSource.Precomputed, stored.Source);
            Assert.Equal(run.Id, stored.RunId);
            Assert.Equal(ServingSource.Live, live.Source);
            Assert.False(stored.ColdStart);
            Assert.Equal(live.Items.Select(i => i.StockCode), stored.Items.Select(i => i.StockCode));
            Assert.Equal(live.Items.Select(i => i.Reason), stored.Items.Select(i => i.Reason));
        }
        var seven = await service.RecommendAsync(datasetId, customer, ServingMethod.SevenSlots, 50);
        Assert.Equal(7, seven.Items.Count);
        Assert.Equal(7, seven.Items.Select(i => i.StockCode).Distinct().Count());

        // Auto serves from the lists when they are long enough, and from the live engine beyond them.
        Assert.Equal(ServingSource.Precomputed, (await service.RecommendAsync(datasetId, customer, ServingMethod.All, 12)).Source);
        var longer = await service.RecommendAsync(datasetId, customer, ServingMethod.All, 30);
        Assert.Equal(ServingSource.Live, longer.Source);
        Assert.Equal(30, longer.Items.Count);

        // A customer id the dataset never saw gets the popularity list, flagged as cold start, on both paths.
        var popular = model.Engine.Recommend(-1, RecommendationMethod.Popular, new RecommendOptions(5)).Select(i => i.StockCode).ToList();
        foreach (var path in new[] { ServingPath.Precomputed, ServingPath.Live })
        {
            var cold = await service.RecommendAsync(datasetId, "NO-SUCH-CUSTOMER", ServingMethod.Personalized, 5, path);
            Assert.True(cold.ColdStart);
            Assert.Contains("cold start", cold.Note);
            Assert.Equal(popular, cold.Items.Select(i => i.StockCode));
        }
        Assert.False(await service.IsKnownAsync(datasetId, "NO-SUCH-CUSTOMER"));
        Assert.True(await service.IsKnownAsync(datasetId, customer));
    }

    [Fact]
    public async Task Without_lists_or_engine_the_answer_says_so_and_the_engine_starts_fitting()
    {
        await using var db = await TempDatabase.CreateAsync();
        var datasetId = await RecsTestData.ImportDemoAsync(db, lines: 2000);
        var service = db.Get<RecommendationService>();

        var answer = await service.RecommendAsync(datasetId, "12345", ServingMethod.All, 10);

        Assert.Equal(ServingSource.None, answer.Source);
        Assert.Empty(answer.Items);
        Assert.Contains("being trained", answer.Note);
        var model = await service.Live.GetAsync(datasetId);                // the background fit that request started
        Assert.Equal(datasetId, model.DatasetId);
        var after = await service.RecommendAsync(datasetId, model.Log.CustomerIds[0], ServingMethod.All, 10);
        Assert.Equal(ServingSource.Live, after.Source);
        Assert.Equal(10, after.Items.Count);
    }
}
