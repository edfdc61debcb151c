using RetailRec.Engine.Data.Runs;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Jobs.Handlers;
using RetailRec.Engine.Evaluation;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Jobs;

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

        var handler = new SequenceTrainingJobHandler(db.Get<RetailRec.Engine.Ingestion.DatasetLoader>(), db.Get<RunStore>());
        await handler.RunAsync(context, CancellationToken.None);

        var run = await db.Get<RunStore>().LatestAsync(datasetId, SequenceTrainingJobHandler.RunKind);
        Assert.NotNull(run);
        var results = await db.Get<RunStore>().ArtifactAsync<List<EvaluationResult>>(run!.Id, "results");
        Assert.Contains(results!, r => r.Model == "SASRec" && r.Split == "T-test");
        Assert.Contains(results!, r => r.Model == "SASRec" && r.Split == "L-test");
        Assert.All(results!, r => Assert.InRange(r["NDCG@10"], 0, 1));
        var sequence = await db.Get<RunStore>().ArtifactAsync<List<SequenceSplitOutcome>>(run.Id, "sequence");
        Assert.All(sequence!, o => Assert.InRange(o.History.Count, 1, 2));
        var shuffle = await db.Get<RunStore>().ArtifactAsync<ShuffleTestOutcome>(run.Id, "shuffle");
        Assert.NotNull(shuffle);
        lock (reports) Assert.Contains(reports, r => r.Contains("epoch 1/2") && r.Contains("seq/s"));
    }
}
