using System.Diagnostics;
using RetailRec.Engine.Runs;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Storage;
using RetailRec.Engine.Promotions.Runs;
using RetailRec.Engine.Promotions;
using RetailRec.Engine.Promotions.Calibration;
using RetailRec.Engine.Promotions.Evaluation;
using RetailRec.Engine.Promotions.Features;

namespace RetailRec.Engine.Promotions.Runs;

/// <summary>
/// Backtests product targeting on a stored dataset: cutoff one horizon before the end of the data, so the outcome
/// window is complete; the propensity model against "top customers by spend" and "past buyers", plus the calibration
/// check on the same products. Saved as a "promo-backtest" run.
/// </summary>
public sealed class PromoBacktestJobHandler(DatasetLoader loader, RunStore runs, DataPaths paths)
    : AnalysisJobHandler<BacktestJobParameters>(loader, runs, paths), IJobKindHandler
{
    public static JobKind Kind => PromotionJobs.Backtest;

    protected override RunKind RunKind => PromotionJobs.BacktestRun;

    protected override async Task<AnalysisOutput> ComputeAsync(BacktestJobParameters p, RetailLog log, JobContext context, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        if (log.Baskets.Length == 0) throw new NotEnoughDataException("a backtest", "the dataset has no purchases by known customers");
        var options = new PropensityOptions { HorizonDays = p.HorizonDays };
        var cutoff = log.DefaultAnalysisDate.AddDays(-p.HorizonDays);
        if (cutoff <= log.FirstTime.AddDays(2 * p.HorizonDays))
            throw new NotEnoughDataException("a backtest", $"the purchases span {(log.LastTime - log.FirstTime).TotalDays:0} days; a backtest needs more than {3 * p.HorizonDays}");
        context.Log($"cutoff {cutoff:yyyy-MM-dd}: trained on data before it, judged on purchases in the {p.HorizonDays} days after");

        context.Report(15, $"Training and scoring {p.TopProducts} top and {p.SlowProducts} slow products");
        var backtest = new PropensityBacktest(options);
        var result = await Task.Run(() => backtest.Run(log, cutoff, p.TopProducts, p.SlowProducts, p.N), ct);
        ct.ThrowIfCancellationRequested();

        context.Report(65, "Checking calibration");
        var items = backtest.ChooseProducts(new PurchaseHistory(log, cutoff), p.TopProducts, p.SlowProducts).Select(x => x.Item).ToArray();
        var calibration = await Task.Run(() => CalibrationCheck.Run(log, cutoff, items, options), ct);

        var summary = new BacktestRunSummary(cutoff, result.Products.Count, p.N, result.Model.RocAuc, result.Model.PrecisionAtN,
            result.TopSpenders.RocAuc, result.PastBuyers.RocAuc, clock.Elapsed.TotalSeconds);
        context.Log($"model ROC AUC {result.Model.RocAuc:0.000} vs spend {result.TopSpenders.RocAuc:0.000} vs past buyers {result.PastBuyers.RocAuc:0.000}");
        var artifacts = new RunArtifacts().Add(PromotionJobs.Artifacts.Backtest, result).Add(PromotionJobs.Artifacts.Calibration, calibration);
        return new AnalysisOutput($"Backtest at {cutoff:d MMM yyyy} · {result.Products.Count} products", summary, artifacts);
    }
}
