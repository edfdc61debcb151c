using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RetailRec.Engine.Datasets;
using RetailRec.Engine.Datasets.Overview;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.DemoData;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Marketing.Runs;
using RetailRec.Engine.Neural.Training;
using RetailRec.Engine.Promotions.Campaigns;
using RetailRec.Engine.Promotions.Runs;
using RetailRec.Engine.Recommendations.Runs;
using RetailRec.Engine.Runs;
using RetailRec.Engine.Storage;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Datasets;

/// <summary>Delete means gone: rows, runs, artifacts, jobs, files, cache entries and live models of the dataset.</summary>
public class DatasetDeletionTests
{
    [Fact]
    public async Task Deleting_a_dataset_with_every_kind_of_run_and_file_leaves_nothing_behind()
    {
        await using var db = await TempDatabase.CreateAsync(s =>
        {
            s.AddJobWorkerForTests();
            s.Configure<DemoOptions>(o => { o.Lines = 6000; o.Seed = 11; });
        });
        var worker = db.Services.GetServices<IHostedService>().OfType<JobWorker>().Single();
        await worker.StartAsync(CancellationToken.None);
        var jobs = db.Get<JobService>();

        // The demo seeder: upload, promotion log, import, and the after-import marketing run and training.
        await db.Get<DemoSeeder>().SeedIfEmptyAsync();
        await WaitForAllAsync(db, expected: 3);
        var dataset = (await db.Get<DatasetService>().GetActiveAsync())!;
        var id = dataset.Id;

        // Every other kind of run and file: a stock file, a second marketing run, an evaluation, a sequence model with
        // checkpoints, a campaign, a backtest and an uplift analysis.
        await db.Get<MarketingSettingsStore>().SaveStockFileAsync(id, new MemoryStream(Encoding.UTF8.GetBytes("StockCode,OnHand\n85123A,5\n")), "stock.csv");
        await db.Get<MarketingRunLauncher>().QueueAsync(id, "with stock");
        await db.Get<EvaluationRuns>().QueueAsync(id, models: ["Popular"]);
        await jobs.EnqueueAsync(NeuralJobs.SequenceTraining, new SequenceTrainingParameters(id, "GRU4Rec", MaxEpochs: 1, Hidden: 8, MaxLength: 10, BatchSize: 64));
        var launcher = db.Get<CampaignLauncher>();
        var form = new CampaignFormModel { Name = "all gone", Keyword = "HEART", AudienceSize = 20 };
        await launcher.BuildCampaignAsync(dataset, form.ToParameters(id));
        await jobs.EnqueueAsync(PromotionJobs.Backtest, new BacktestJobParameters(id, TopProducts: 3, SlowProducts: 1, N: 20));
        Assert.NotNull(await launcher.UpliftAsync(dataset));
        await WaitForAllAsync(db, expected: 9);
        await worker.StopAsync(CancellationToken.None);

        // Warm every cache that can hold the dataset.
        await db.Get<OverviewQueries>().GetAsync(id);
        await db.Get<ProductCatalog>().GetAsync(dataset);
        await db.Get<MarketingRunReader>().LatestAsync(id);
        await db.Get<RecommendationService>().PrecomputedAsync(id, ServingMethod.Popular);
        await db.Get<DatasetLoader>().LoadRetailLogAsync(id);
        var kinds = (await AllRunKindsAsync(db, id)).ToHashSet();
        Assert.Superset(new HashSet<string> { "marketing", "evaluation", "recommendations", "sequence", "campaign", "promo-backtest", "uplift" }, kinds);
        var paths = db.Get<DataPaths>();
        Assert.NotEmpty(DataFiles(db));
        Assert.True(Directory.EnumerateFiles(NeuralJobs.CheckpointFolder(paths)).Any());
        Assert.Contains(id, db.Get<LiveModels>().Held);
        Assert.True(db.Get<RunStore>().CachedArtifacts > 0);

        Assert.True(await db.Get<DatasetDeletion>().DeleteAsync(id));

        // Database: nothing refers to the dataset any more.
        await using (var ctx = db.Factory.CreateDbContext())
        {
            Assert.False(ctx.Datasets.Any(d => d.Id == id));
            Assert.False(ctx.Transactions.Any(t => t.DatasetId == id));
            Assert.False(ctx.AnalysisRuns.Any());
            Assert.False(ctx.AnalysisArtifacts.Any());
            Assert.False(ctx.Jobs.Any(j => j.DatasetId == id));
        }
        // Disk: only the database itself is left in the data folder.
        Assert.Empty(DataFiles(db));
        // Memory: no cache entry and no live model.
        Assert.Empty(db.Get<LiveModels>().Held);
        Assert.Equal(0, db.Get<RunStore>().CachedArtifacts);
        Assert.Null(db.Get<DatasetLoader>().CachedDatasetId);
        Assert.Equal(0, db.Get<OverviewQueries>().Cached);
        Assert.Equal(0, db.Get<ProductCatalog>().Cached);
        Assert.Equal(0, db.Get<MarketingRunReader>().Cached);
        Assert.Null(await db.Get<RecommendationService>().LatestListsRunAsync(id));
    }

    [Fact]
    public async Task A_dataset_with_a_job_in_progress_is_not_deleted_and_the_user_is_told_why()
    {
        await using var db = await TempDatabase.CreateAsync();
        var (id, _) = await DemoImport.ImportAsync(db, lines: 1000, hostile: false);
        await db.Get<MarketingRunLauncher>().QueueAsync(id); // queued; no worker runs it

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Get<DatasetDeletion>().DeleteAsync(id));

        Assert.Contains("Marketing analysis", refused.Message);
        Assert.NotNull(await db.Get<DatasetService>().GetAsync(id));
        Assert.False(await db.Get<DatasetDeletion>().DeleteAsync(id + 1000)); // no such dataset
    }

    /// <summary>Every file under the data folder except the SQLite database (and its journal files).</summary>
    private static List<string> DataFiles(TempDatabase db) =>
        Directory.EnumerateFiles(db.Folder, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith("test.db", StringComparison.Ordinal)).ToList();

    private static async Task<List<string>> AllRunKindsAsync(TempDatabase db, int datasetId)
    {
        await using var ctx = db.Factory.CreateDbContext();
        return ctx.AnalysisRuns.Where(r => r.DatasetId == datasetId).Select(r => r.Kind).ToList();
    }

    /// <summary>Waits until this many jobs exist and none is active; each must have succeeded.</summary>
    private static async Task WaitForAllAsync(TempDatabase db, int expected)
    {
        var jobs = db.Get<JobService>();
        var deadline = DateTime.UtcNow.AddMinutes(5);
        List<JobSnapshot> all;
        do
        {
            await Task.Delay(100);
            all = await jobs.ListAsync(100);
            if (DateTime.UtcNow > deadline) throw new TimeoutException(string.Join(", ", all.Select(j => $"{j.Kind}: {j.State}")));
        } while (all.Count < expected || all.Any(j => j.IsActive));
        Assert.All(all, j => Assert.True(j.State == RetailRec.Engine.Storage.JobState.Succeeded, $"{j.Title}: {j.State} {j.Error}"));
    }
}
