using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Datasets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RetailRec.Engine.Runs;
using RetailRec.Engine.Recommendations.Evaluation;
using RetailRec.Engine.Recommendations.Evaluation.Splits;
using RetailRec.Engine.Datasets.Ingestion;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Recommendations.Baselines;
using RetailRec.Engine.Recommendations.Runs;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Recommendations.Runs;

public class EvaluationJobTests
{
    [Fact]
    public async Task Stores_one_run_with_every_model_on_four_splits_holdouts_and_split_files()
    {
        await using var db = await TempDatabase.CreateAsync();
        var datasetId = await RecsTestData.ImportDemoAsync(db);
        using var scope = db.Services.CreateScope();
        var handler = scope.ServiceProvider.GetRequiredKeyedService<IJobHandler>("evaluation");

        var (resultJson, steps, log) = await RecsTestData.RunAsync(handler,
            new EvaluationJobParameters(datasetId, Models: ["Popular", "PersonalFrequency"]), datasetId);

        var result = JsonSerializer.Deserialize<EvaluationJobResult>(resultJson!, JobJson.Options)!;
        var runs = db.Get<RunStore>();
        var run = (await runs.ListAsync(datasetId, RecommendationJobs.EvaluationRun)).Single();
        Assert.Equal(result.RunId, run.Id);
        var results = (await runs.ArtifactAsync(run.Id, RecommendationJobs.Artifacts.Results))!;
        Assert.Equal(8, results.Count);                                   // 2 models x {T, L} x {val, test}
        Assert.Equal(["L-test", "L-val", "T-test", "T-val"], results.Select(r => r.Split).Distinct().Order());

        // The stored record is the experiment: the same data and model give the same figures again.
        var logData = await db.Get<DatasetLoader>().LoadRetailLogAsync(datasetId);
        var fingerprint = LogFingerprint.Of(logData);
        Assert.All(results, r => Assert.Equal(fingerprint, r.DataFingerprint));
        var again = Evaluator.Evaluate(new PersonalFrequencyRecommender(90), TemporalSplit.Test(logData), fingerprint);
        var stored = results.Single(r => r.Model == "PersonalFrequency" && r.Split == "T-test");
        Assert.Equal(again["NDCG@10"], stored["NDCG@10"], 12);
        Assert.Equal(again.Parameters, stored.Parameters);

        // Holdouts: every T-test case with its targets, as stock codes.
        var holdout = (await runs.ArtifactAsync(run.Id, RecommendationJobs.Artifacts.Holdout))!;
        var split = TemporalSplit.Test(logData);
        Assert.Equal(split.Cases.Count, holdout.BySplit["T-test"].Count);
        var first = split.Cases[0];
        Assert.Equal(first.Targets.Select(i => logData.ItemCodes[i]).ToHashSet(), holdout.ItemsOf("T-test", logData.CustomerIds[first.Customer]));

        // Split files under the run's exports folder, one set per split kind.
        var options = db.Get<RetailRec.Engine.Storage.DataPaths>();
        foreach (var kind in new[] { "T", "L" })
            foreach (var file in new[] { "train_next.csv", "val_next.csv", "test_next.csv" })
                Assert.StartsWith("customer_id,history,targets\n", File.ReadAllText(Path.Combine(options.SplitDirectory(run.Id, kind), file)));
        Assert.Equal(split.Cases.Count + 1, File.ReadAllLines(Path.Combine(options.SplitDirectory(run.Id, "T"), "test_next.csv")).Length);

        // Progress per model and split, ending with the run stored.
        Assert.Contains(steps, s => s.Step.StartsWith("PersonalFrequency on L-test"));
        Assert.True(steps.Select(s => s.Percent).SequenceEqual(steps.Select(s => s.Percent).Order()), "progress never goes back");
        Assert.Contains(log, l => l.StartsWith("best on T-test"));
        var summary = JsonSerializer.Deserialize<EvaluationRunSummary>(run.SummaryJson, RunStore.Json)!;
        Assert.Equal(EvaluationResults.Best(results), summary.Best);
    }

    [Fact]
    public async Task Unknown_models_fail_the_job_with_a_clear_message()
    {
        await using var db = await TempDatabase.CreateAsync();
        var datasetId = await RecsTestData.ImportDemoAsync(db, lines: 2000);
        using var scope = db.Services.CreateScope();
        var handler = scope.ServiceProvider.GetRequiredKeyedService<IJobHandler>("evaluation");
        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            RecsTestData.RunAsync(handler, new EvaluationJobParameters(datasetId, Models: ["NoSuchModel"]), datasetId));
        Assert.Contains("NoSuchModel", ex.Message);
        Assert.Empty(await db.Get<RunStore>().ListAsync(datasetId, RecommendationJobs.EvaluationRun));
    }
}
