using RetailRec.Engine.Recommendations.Runs;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Datasets;
using RetailRec.Engine.Runs;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Neural.Training;
using RetailRec.Engine.Recommendations.Evaluation;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Neural;

public class SequenceTrainingJobTests
{
    [Fact]
    public async Task Trains_on_both_splits_reports_epochs_and_stores_leaderboard_rows_with_the_shuffle_test()
    {
        await using var db = await TempDatabase.CreateAsync();
        var (datasetId, _) = await DemoImport.ImportAsync(db, lines: 12_000, hostile: false);
        var reports = new List<string>();
        var parameters = new SequenceTrainingParameters(datasetId, "SASRec", MaxEpochs: 2, Hidden: 16, MaxLength: 20, BatchSize: 64, ShuffleTest: true);
        var context = new JobContext(1, datasetId, System.Text.Json.JsonSerializer.Serialize(parameters, JobJson.Options),
            (_, step) => { lock (reports) reports.Add(step); }, _ => { });

        var handler = new SequenceTrainingJobHandler(db.Get<DatasetLoader>(), db.Get<RunStore>(), db.Get<RetailRec.Engine.Storage.DataPaths>());
        await handler.RunAsync(context, CancellationToken.None);

        var run = await db.Get<RunStore>().LatestAsync(datasetId, NeuralJobs.SequenceRun);
        Assert.NotNull(run);
        var results = await db.Get<RunStore>().ArtifactAsync(run!.Id, RecommendationJobs.Artifacts.Results);
        Assert.Contains(results!, r => r.Model == "SASRec" && r.Split == "T-test");
        Assert.Contains(results!, r => r.Model == "SASRec" && r.Split == "L-test");
        Assert.All(results!, r => Assert.InRange(r["NDCG@10"], 0, 1));
        var sequence = await db.Get<RunStore>().ArtifactAsync(run.Id, NeuralJobs.Artifacts.Sequence);
        Assert.All(sequence!, o => Assert.InRange(o.History.Count, 1, 2));
        var shuffle = await db.Get<RunStore>().ArtifactAsync(run.Id, NeuralJobs.Artifacts.Shuffle);
        Assert.NotNull(shuffle);
        lock (reports) Assert.Contains(reports, r => r.Contains("epoch 1/2") && r.Contains("seq/s"));
        // The best weights of each split were checkpointed during training.
        Assert.True(File.Exists(Path.Combine(db.Folder, "models", "job-1-T-test.rrmodel")));
        Assert.True(File.Exists(Path.Combine(db.Folder, "models", "job-1-L-test.rrmodel")));
    }
}
