using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RetailRec.Engine.Runs;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Promotions.Runs;
using RetailRec.Engine.Promotions.Calibration;
using RetailRec.Engine.Promotions.Evaluation;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Promotions.Runs;

public class BacktestAndUpliftJobTests
{
    private static T Handler<T>(TempDatabase db) where T : IJobKindHandler => (T)db.Services.GetRequiredKeyedService<IJobHandler>(T.Kind.Name);

    private static async Task<int> RunIdOf(Task<string?> job) => JsonSerializer.Deserialize<AnalysisJobResult>((await job)!, JobJson.Options)!.RunId;

    [Fact]
    public async Task Backtest_job_stores_per_product_metrics_their_averages_and_the_calibration_check()
    {
        await using var db = await TempDatabase.CreateAsync();
        var demo = await PromoDemo.ImportAsync(db.Services, db.Folder);
        var runId = await RunIdOf(Handler<PromoBacktestJobHandler>(db).RunAsync(
            new PromoDemo.Recorder().Context(new BacktestJobParameters(demo.DatasetId, TopProducts: 6, SlowProducts: 2, N: 20)), CancellationToken.None));

        var runs = db.Get<RunStore>();
        var run = (await runs.GetAsync(runId))!;
        Assert.Equal("promo-backtest", run.Kind);
        var result = (await runs.ArtifactAsync(runId, PromotionJobs.Artifacts.Backtest))!;
        Assert.Equal(20, result.N);
        Assert.Equal(6, result.Products.Count(p => !p.Slow));
        Assert.InRange(result.Products.Count(p => p.Slow), 0, 2);
        // The cutoff leaves one full horizon of outcomes before the end of the data (last invoice 2011-12-09).
        Assert.Equal(new DateTime(2011, 11, 10), result.Cutoff);
        // Averages are the means over products where defined (read back from JSON, NaN included).
        var aucs = result.Products.Select(p => p.Model.RocAuc).Where(x => !double.IsNaN(x)).ToArray();
        Assert.Equal(aucs.Average(), result.Model.RocAuc, 12);
        Assert.All(result.Products.Where(p => p.Buyers > 0), p => Assert.Equal(1.0, p.Model.Gains[^1].BuyersReached, 12));
        var calibration = (await runs.ArtifactAsync(runId, PromotionJobs.Artifacts.Calibration))!;
        Assert.NotEmpty(calibration.Raw);
        Assert.All(calibration.Raw, b => Assert.InRange(b.ObservedRate, 0, 1));
        var summary = JsonSerializer.Deserialize<BacktestRunSummary>(run.SummaryJson, RunStore.Json)!;
        Assert.Equal(result.Model.RocAuc, summary.ModelRocAuc, 12);
    }

    [Fact]
    public async Task Uplift_job_holds_out_the_latest_promotion_and_labels_its_offers()
    {
        await using var db = await TempDatabase.CreateAsync();
        var demo = await PromoDemo.ImportAsync(db.Services, db.Folder);
        var runId = await RunIdOf(Handler<UpliftJobHandler>(db).RunAsync(
            new PromoDemo.Recorder().Context(new UpliftJobParameters(demo.DatasetId, demo.LogPath, "demo log")), CancellationToken.None));

        var report = (await db.Get<RunStore>().ArtifactAsync(runId, PromotionJobs.Artifacts.Uplift))!;
        Assert.Equal(8, report.Promotions);
        Assert.Equal("promotion P08 (the latest)", report.HeldOut);
        var heldOutRows = demo.Log.Count(e => e.PromotionId == "P08");
        Assert.Equal(heldOutRows, report.TestRows);
        Assert.Equal(report.Outcomes, report.TrainRows + report.TestRows);
        Assert.Equal(report.TestRows, report.Segments.Sum(s => s.Rows));
        Assert.Equal(["two-model", "class transformation"], report.Models.Select(m => m.Model));
        Assert.All(report.Models, m => Assert.Equal((0.0, 1.0), (m.Curve[0].Share, m.Curve[^1].Share)));
        Assert.All(report.Fatigued, f => Assert.True(f.Fatigued && f.EarlyResponseRate - f.LateResponseRate >= 0.5));
        // The held-out buy rates are the plain observed rates of P08's treated and control customers.
        var p08 = demo.Log.Where(e => e.PromotionId == "P08").ToArray();
        Assert.Equal(p08.Count(e => e.Treated), report.Segments.Sum(s => s.Treated));
    }

    [Fact]
    public async Task Uplift_job_fails_with_a_clear_message_when_the_log_is_gone()
    {
        await using var db = await TempDatabase.CreateAsync();
        var ex = await Assert.ThrowsAsync<FileNotFoundException>(() => Handler<UpliftJobHandler>(db).RunAsync(
            new PromoDemo.Recorder().Context(new UpliftJobParameters(1, Path.Combine(db.Folder, "missing.csv"), "x")), CancellationToken.None));
        Assert.Contains("upload it again", ex.Message);
    }
}
