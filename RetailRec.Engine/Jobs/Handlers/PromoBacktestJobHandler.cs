using System.Diagnostics;
using System.Text.Json;
using RetailRec.Engine.Data.Runs;
using RetailRec.Engine.Ingestion;
using RetailRec.Engine.PromotionRuns;
using RetailRec.Engine.Promotions;
using RetailRec.Engine.Promotions.Calibration;
using RetailRec.Engine.Promotions.Evaluation;
using RetailRec.Engine.Promotions.Features;

namespace RetailRec.Engine.Jobs.Handlers;

/// <summary>
/// Backtests product targeting on a stored dataset: cutoff one horizon before the end of the data, so the outcome
/// window is complete; the propensity model against "top customers by spend" and "past buyers", plus the calibration
/// check on the same products. Saved as a "promo-backtest" run.
/// </summary>
public sealed class PromoBacktestJobHandler(DatasetLoader loader, RunStore runs) : IJobHandler
{
    public string Kind => PromotionRunKinds.Backtest;

    public async Task<string?> RunAsync(JobContext context, CancellationToken ct)
    {
        var p = context.Parameters<BacktestJobParameters>();
        var clock = Stopwatch.StartNew();
        context.Report(2, "Loading dataset");
        var log = await loader.LoadRetailLogAsync(p.DatasetId, ct);
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
        ct.ThrowIfCancellationRequested();

        context.Report(92, "Saving the backtest");
        var summary = new BacktestRunSummary(cutoff, result.Products.Count, p.N, result.Model.RocAuc, result.Model.PrecisionAtN,
            result.TopSpenders.RocAuc, result.PastBuyers.RocAuc, clock.Elapsed.TotalSeconds);
        var label = $"Backtest at {cutoff:d MMM yyyy} · {result.Products.Count} products";
        var runId = await runs.SaveRunAsync(p.DatasetId, Kind, label, p, summary,
            new Dictionary<string, object> { [PromotionRunKinds.Artifacts.Backtest] = result, [PromotionRunKinds.Artifacts.Calibration] = calibration },
            context.JobId, CancellationToken.None);
        context.Log($"model ROC AUC {result.Model.RocAuc:0.000} vs spend {result.TopSpenders.RocAuc:0.000} vs past buyers {result.PastBuyers.RocAuc:0.000}; run #{runId}");
        return JsonSerializer.Serialize(new PromotionJobResult(runId, p.DatasetId), JobJson.Options);
    }
}
