using System.Diagnostics;
using RetailRec.Engine.DemoData;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Datasets.Ingestion;
using RetailRec.Engine.Promotions;
using RetailRec.Engine.Promotions.Calibration;
using RetailRec.Engine.Promotions.Campaigns;
using RetailRec.Engine.Recommendations.Catalog;
using RetailRec.Engine.Promotions.Evaluation;
using RetailRec.Engine.Promotions.Features;
using RetailRec.Engine.Promotions.Models;
using RetailRec.Engine.Promotions.Uplift;

namespace RetailRec.Bench.Suites;

/// <summary>
/// Promotion targeting: time to score every customer for one product, time of the 50(+10 slow)-product backtest,
/// and the backtest table (propensity model vs. "top spenders" and "past buyers") on the real and the demo data.
/// </summary>
public sealed class PromoSuite : IBenchSuite
{
    public string Name => "promo";
    public string Description => "promotion targeting: score-all-customers time, 50-product backtest time and table (real + demo data)";

    public Task RunAsync(BenchContext context)
    {
        var options = new PropensityOptions();
        if (context.Args.Contains("--uplift-only"))
        {
            foreach (var seed in UpliftSeeds(context.Args)) RunUplift(seed);
            return Task.CompletedTask;
        }
        if (File.Exists(context.DatasetPath))
        {
            var sw = Stopwatch.StartNew();
            var log = RetailLogBuilder.Build(TransactionFileReader.ReadAll(context.DatasetPath).Records);
            Console.WriteLine($"real data: {log.Lines.Length:N0} sale lines, {log.CustomerCount:N0} customers, loaded in {sw.Elapsed.TotalSeconds:F1} s");
            Run("real", log, options, context.Repetitions);
            RunCampaigns("real", log, context.Repetitions);
        }
        else Console.WriteLine($"real data not found at {context.DatasetPath}: skipped");

        var demo = RetailLogBuilder.Build(DemoDataGenerator.Generate(new DemoDataOptions()).Records);
        Console.WriteLine($"demo data: {demo.Lines.Length:N0} sale lines, {demo.CustomerCount:N0} customers");
        Run("demo", demo, options, context.Repetitions);
        RunCampaigns("demo", demo, context.Repetitions);
        foreach (var seed in UpliftSeeds(context.Args)) RunUplift(seed);
        return Task.CompletedTask;
    }

    private static void Run(string label, RetailLog log, PropensityOptions options, int reps)
    {
        var cutoff = log.DefaultAnalysisDate.AddDays(-options.HorizonDays);
        var builder = new PropensityFeatureBuilder();
        var trainer = new PropensityTrainer(options, builder);

        // 1. Score every customer for the most-bought product: history + pooled training + features + prediction.
        var scoreTimes = new List<double>();
        var predictTimes = new List<double>();
        var historyTimes = new List<double>();
        var setTimes = new List<double>();
        for (var rep = 0; rep < reps; rep++)
        {
            var sw = Stopwatch.StartNew();
            var history = new PurchaseHistory(log, cutoff);
            historyTimes.Add(sw.Elapsed.TotalMilliseconds);
            var item = Enumerable.Range(0, log.ItemCount).MaxBy(i => history.ItemBuyersRecent[i]);
            var train = Stopwatch.StartNew();
            var set = trainer.BuildTrainingSet(log, cutoff, trainer.PoolFor(history, [item]));
            setTimes.Add(train.Elapsed.TotalMilliseconds);
            var fitTimer = Stopwatch.StartNew();
            var model = new LogisticPropensityModel(LogisticRegression.Fit(set.Values, set.Width, set.Labels, options.L2, sampleWeights: set.Weights));
            if (rep == 0) Console.WriteLine($"[{label}] logistic fit: {set.Labels.Length:N0} rows, {model.Fit.Iterations} Newton steps, {fitTimer.Elapsed.TotalMilliseconds:F0} ms");
            var predict = Stopwatch.StartNew();
            var customers = history.ActiveCustomers();
            var m = builder.Build(history, item, customers);
            var sum = 0.0;
            for (var r = 0; r < customers.Length; r++) sum += model.Predict(m.Row(r));
            predictTimes.Add(predict.Elapsed.TotalMilliseconds);
            scoreTimes.Add(sw.Elapsed.TotalMilliseconds);
            if (double.IsNaN(sum)) throw new InvalidOperationException("NaN score");
        }
        Console.WriteLine($"[{label}] score all customers for one product: median {Stats.Median(scoreTimes):F0} ms end to end " +
                          $"(history + training on {options.PooledItems + 1} items + scoring); of which history {Stats.Median(historyTimes):F0} ms, " +
                          $"training rows {Stats.Median(setTimes):F0} ms, features + scoring {Stats.Median(predictTimes):F0} ms");

        // 2. The backtest, timed and tabulated.
        var backtestTimes = new List<double>();
        BacktestResult result = null!;
        for (var rep = 0; rep < Math.Max(1, Math.Min(reps, 3)); rep++)
        {
            var sw = Stopwatch.StartNew();
            result = new PropensityBacktest(options).Run(log, cutoff);
            backtestTimes.Add(sw.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"[{label}] backtest of {result.Products.Count} products (cutoff {cutoff:yyyy-MM-dd}, horizon {result.HorizonDays} d, " +
                          $"{result.Products[0].Customers:N0} customers): median {Stats.Median(backtestTimes):F1} s over {backtestTimes.Count} runs");
        Console.WriteLine($"[{label}] {"method",-26} {"P@" + result.N,8} {"R@" + result.N,8} {"ROC AUC",8} {"PR AUC",8} {"lift@10%",9} {"Brier",8}");
        Print(label, result.ModelName, result.Model);
        Print(label, "top spenders", result.TopSpenders);
        Print(label, "past buyers", result.PastBuyers);
        if (result.Mlp is not null) Print(label, "MLP (neural)", result.Mlp);
        if (result.LightGbm is not null) Print(label, "LightGBM (trees)", result.LightGbm);
        // 2b. The same backtest with recommender ranks as an extra feature (each fitted only before its cutoff).
        foreach (var family in RecommenderFeatureFamilies)
        {
            var sw = Stopwatch.StartNew();
            var withRec = new PropensityBacktest(options)
            {
                IncludeMlp = false, IncludeLightGbm = false,
                Features = products => new PropensityFeatureBuilder(new RecommenderScores(log, ModelCatalog.Select([family]).Single().CreateDefault, products)),
            }.Run(log, cutoff);
            Print(label, $"logistic + {family} rank", withRec.Model);
            Console.WriteLine($"[{label}]   (backtest with the {family} feature took {sw.Elapsed.TotalSeconds:F1} s)");
        }

        // 3. Calibration on a validation window, judged on the test window (same 60 products).
        var calibration = CalibrationCheck.Run(log, cutoff, result.Products.Select(p => log.ItemIndexOf(p.StockCode)!.Value).ToArray(), options);
        Console.WriteLine($"[{label}] calibration (model trained one horizon earlier): Brier raw {calibration.BrierRaw:F5}, " +
                          $"Platt {calibration.BrierPlatt:F5}, isotonic {calibration.BrierIsotonic:F5}; top bin predicted/observed raw " +
                          $"{calibration.Raw[^1].MeanPredicted:F3}/{calibration.Raw[^1].ObservedRate:F3}, isotonic " +
                          $"{calibration.Isotonic[^1].MeanPredicted:F3}/{calibration.Isotonic[^1].ObservedRate:F3}");
        var slow = result.Products.Where(p => p.Slow).ToArray();
        if (slow.Length > 0)
        {
            Console.WriteLine($"[{label}] slow products only ({slow.Length}, {slow.Sum(p => p.Buyers)} buyers in the horizon):");
            Print(label, result.ModelName, ScoreMetrics.Average(slow.Select(p => p.Model).ToArray()));
            Print(label, "past buyers", ScoreMetrics.Average(slow.Select(p => p.PastBuyers).ToArray()));
            if (result.Mlp is not null) Print(label, "MLP (neural)", ScoreMetrics.Average(slow.Select(p => p.Mlp!).ToArray()));
            if (result.LightGbm is not null) Print(label, "LightGBM (trees)", ScoreMetrics.Average(slow.Select(p => p.LightGbm!).ToArray()));
        }
    }

    private static readonly string[] RecommenderFeatureFamilies = ["ItemKNN", "RepeatAware"];

    /// <summary>End-to-end campaign builds for the most-bought product: model x recommender feature, calibrated with Platt.</summary>
    private static void RunCampaigns(string label, RetailLog log, int reps)
    {
        var history = new PurchaseHistory(log, log.DefaultAnalysisDate);
        var code = log.ItemCodes[Enumerable.Range(0, log.ItemCount).MaxBy(i => history.ItemBuyersRecent[i])];
        Console.WriteLine($"[{label}] campaign build for {code} (top 1,000, end to end incl. training and Platt calibration on the last {new PropensityOptions().HorizonDays} days):");
        Console.WriteLine($"[{label}] {"model",-58} {"median s",9} {"exp. buyers",12} {"Brier raw",10} {"Brier cal",10}");
        foreach (var (kind, rec) in new (PropensityModelKind, string?)[]
                 {
                     (PropensityModelKind.Logistic, null), (PropensityModelKind.Mlp, null), (PropensityModelKind.LightGbm, null), (PropensityModelKind.Logistic, "ItemKNN"),
                 })
        {
            var times = new List<double>();
            CampaignPlan plan = null!;
            for (var rep = 0; rep < Math.Max(1, Math.Min(reps, 3)); rep++)
            {
                var sw = Stopwatch.StartNew();
                plan = new CampaignBuilder(log).Build(new CampaignRequest { StockCodes = [code], AudienceSize = 1000, Model = kind, RecommenderFeature = rec });
                times.Add(sw.Elapsed.TotalSeconds);
            }
            var c = plan.Model!.Calibration;
            Console.WriteLine($"[{label}] {plan.Model.Name + (rec is null ? "" : " + " + rec + " rank"),-58} {Stats.Median(times),9:F2} " +
                              $"{plan.Targeted.ExpectedBuyers,12:F1} {c.BrierRaw,10:F5} {c.BrierCalibrated,10:F5}");
        }
    }

    /// <summary>Uplift on the demo promotion log: train on the first 7 promotions, judge on the held-out 8th.</summary>
    /// <summary><c>--uplift-seeds 42,12,7</c>: demo seeds for the uplift table (default: the app's demo seed only).</summary>
    private static IEnumerable<int> UpliftSeeds(string[] args)
    {
        var at = Array.IndexOf(args, "--uplift-seeds");
        return at >= 0 && at + 1 < args.Length
            ? args[at + 1].Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))
            : [new DemoDataOptions().Seed];
    }

    private static void RunUplift(int seed)
    {
        var sw = Stopwatch.StartNew();
        var data = DemoDataGenerator.Generate(new DemoDataOptions { Seed = seed });
        var promo = DemoPromotionGenerator.Generate(data);
        var log = RetailLogBuilder.Build(promo.Records);
        var entries = promo.Log.Select(e => new PromotionLogEntry(e.CustomerId, e.PromotionId, e.StockCode, e.Treated, e.SentDate)).ToArray();
        var features = new PropensityFeatureBuilder();
        var rows = UpliftRows.Build(log, PromotionOutcomes.Derive(log, entries, 30), features);
        var last = entries.Max(e => e.PromotionId)!;
        var train = rows.Where(o => o.Entry.PromotionId != last);
        var test = rows.Where(o => o.Entry.PromotionId == last);
        var two = TwoModelUplift.Fit(train);
        var ct = ClassTransformationUplift.Fit(train);
        var sent = test.Outcomes[0].Entry.SentDate;
        var trainer = new PropensityTrainer(new PropensityOptions(), features);
        var propensity = trainer.TrainLogistic(log, sent, trainer.PoolFor(new PurchaseHistory(log, sent), [test.Outcomes[0].Item]));
        var persuadables = promo.Log.Count(e => e.PromotionId == last && e.Response == DemoResponse.Persuadable);
        Console.WriteLine($"[uplift/demo seed {seed}] {train.Outcomes.Length:N0} training outcomes (7 promotions), {test.Outcomes.Length:N0} held-out " +
                          $"({persuadables} planted persuadables), {sw.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"[uplift/demo seed {seed}] {"ranking",-22} {"Qini coef",10} {"AUUC",8} {"uplift@10%",11} {"uplift@30%",11}");
        foreach (var (name, score) in new (string, Func<int, double>)[]
                 {
                     ("two-model uplift", r => two.Uplift(test.Row(r))), ("class transformation", r => ct.Uplift(test.Row(r))),
                     ("propensity", r => propensity.Predict(test.Row(r))),
                 })
        {
            var e = UpliftMetrics.Evaluate(Enumerable.Range(0, test.Outcomes.Length).Select(score).ToArray(), test.Treated, test.Bought);
            Console.WriteLine($"[uplift/demo seed {seed}] {name,-22} {e.QiniCoefficient,10:F2} {e.Auuc,8:F2} {e.UpliftAt10,11:F3} {e.UpliftAt30,11:F3}");
        }
    }

    private static void Print(string label, string name, ScoreMetrics m) =>
        Console.WriteLine($"[{label}] {name,-26} {m.PrecisionAtN,8:F3} {m.RecallAtN,8:F3} {m.RocAuc,8:F3} {m.PrAuc,8:F3} {m.LiftAt10,9:F2} {m.Brier,8:F4}");
}
