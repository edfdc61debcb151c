using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Promotions.Features;
using RetailRec.Engine.Promotions.Models;

namespace RetailRec.Engine.Promotions.Evaluation;

public sealed record BacktestProductResult(string StockCode, string Description, bool Slow, int Customers, int Buyers,
    ScoreMetrics Model, ScoreMetrics TopSpenders, ScoreMetrics PastBuyers, ScoreMetrics? Mlp = null, ScoreMetrics? LightGbm = null);

/// <summary><see cref="Mlp"/> and <see cref="LightGbm"/> are the neural and tree models' rows (null when the backtest ran without them).</summary>
public sealed record BacktestResult(DateTime Cutoff, int HorizonDays, int N, string ModelName, IReadOnlyList<BacktestProductResult> Products,
    ScoreMetrics Model, ScoreMetrics TopSpenders, ScoreMetrics PastBuyers, ScoreMetrics? Mlp = null, ScoreMetrics? LightGbm = null);

/// <summary>
/// Temporal backtest of product targeting: train on data before <c>cutoff</c> (labels from the last horizon before it),
/// score every customer known at the cutoff for each product, and compare with who bought in [cutoff, cutoff + horizon).
/// Products: the most-bought ones of the 90 days before the cutoff plus a seeded sample of slow sellers.
/// Baselines: "top customers by spend" and "past buyers of the product" (most re-buys first, then most recent).
/// With <see cref="IncludeMlp"/> the non-linear <see cref="MlpPropensityModel"/> is fitted on the same rows and
/// reported as an extra method next to the main model.
/// </summary>
public sealed class PropensityBacktest(PropensityOptions options)
{
    public Func<TrainingSet, IPropensityModel>? ModelFactory { get; init; }

    /// <summary>The feature builder for the chosen products (e.g. with <see cref="RecommenderScores"/>); null = the base features.</summary>
    public Func<IReadOnlyList<int>, PropensityFeatureBuilder>? Features { get; init; }

    public bool IncludeMlp { get; init; } = true;
    public MlpOptions? Mlp { get; init; }

    /// <summary>Also fit LightGBM trees on the same rows (<see cref="LightGbmPropensityModel"/>).</summary>
    public bool IncludeLightGbm { get; init; } = true;

    public BacktestResult Run(RetailLog log, DateTime cutoff, int topProducts = 50, int slowProducts = 10, int n = 100)
    {
        var history = new PurchaseHistory(log, cutoff);
        var products = ChooseProducts(history, topProducts, slowProducts);
        var items = products.Select(p => p.Item).ToArray();
        var builder = Features?.Invoke(items) ?? new PropensityFeatureBuilder();
        var trainer = new PropensityTrainer(options, builder);
        var set = trainer.BuildTrainingSet(log, cutoff, items);
        IPropensityModel model = ModelFactory?.Invoke(set)
                                 ?? new LogisticPropensityModel(LogisticRegression.Fit(set.Values, set.Width, set.Labels, options.L2, sampleWeights: set.Weights));
        var mlp = IncludeMlp ? MlpPropensityModel.Fit(set.Values, set.Width, set.Labels, set.Weights, Mlp ?? new MlpOptions { Seed = options.Seed }) : null;

        using var gbm = IncludeLightGbm ? LightGbmPropensityModel.Fit(set.Values, set.Width, set.Labels, set.Weights, options.Seed) : null;

        var window = new PurchaseWindow(log, cutoff, cutoff.AddDays(options.HorizonDays));
        var customers = history.ActiveCustomers();
        var spend = customers.Select(c => history.CustomerSpend[c]).ToArray();
        var results = new List<BacktestProductResult>();
        foreach (var (item, slow) in products)
        {
            var m = builder.Build(history, item, customers);
            var scores = new double[customers.Length];
            for (var r = 0; r < customers.Length; r++) scores[r] = model.Predict(m.Row(r));
            var labels = window.Labels(item, customers);
            ScoreMetrics? Extra(IPropensityModel? extra)
            {
                if (extra is null) return null;
                var extraScores = new double[customers.Length];
                for (var r = 0; r < customers.Length; r++) extraScores[r] = extra.Predict(m.Row(r));
                return ScoreMetrics.Of(extraScores, labels, n, probabilities: true);
            }
            results.Add(new BacktestProductResult(log.ItemCodes[item], log.ItemDescriptions[item], slow, customers.Length, labels.Sum(l => (int)l),
                ScoreMetrics.Of(scores, labels, n, probabilities: true),
                ScoreMetrics.Of(spend, labels, n, probabilities: false),
                ScoreMetrics.Of(PastBuyerScores(history, item, customers), labels, n, probabilities: false), Extra(mlp), Extra(gbm)));
        }
        return new BacktestResult(cutoff, options.HorizonDays, n, model.Name, results,
            ScoreMetrics.Average(results.Select(r => r.Model).ToArray()),
            ScoreMetrics.Average(results.Select(r => r.TopSpenders).ToArray()),
            ScoreMetrics.Average(results.Select(r => r.PastBuyers).ToArray()),
            mlp is null ? null : ScoreMetrics.Average(results.Select(r => r.Mlp!).ToArray()),
            gbm is null ? null : ScoreMetrics.Average(results.Select(r => r.LightGbm!).ToArray()));
    }

    /// <summary>Past buyers first, more re-buys first; among equals the more recent one (a fraction below one step).</summary>
    public static double[] PastBuyerScores(PurchaseHistory h, int item, int[] customers)
    {
        var row = new Dictionary<int, int>();
        for (var r = 0; r < customers.Length; r++) row[customers[r]] = r;
        var scores = new double[customers.Length];
        foreach (var s in h.ItemBuyers[item])
            if (row.TryGetValue(s.Customer, out var r))
                scores[r] = s.Baskets + 0.5 * Math.Exp(-(h.Cutoff - s.Last).TotalDays / 365);
        return scores;
    }

    public List<(int Item, bool Slow)> ChooseProducts(PurchaseHistory h, int top, int slow)
    {
        var ranked = Enumerable.Range(0, h.ItemBuyersRecent.Length).OrderByDescending(i => h.ItemBuyersRecent[i]).ThenBy(i => i).ToArray();
        var chosen = ranked.Take(top).Select(i => (i, false)).ToList();
        // Slow sellers: still sold lately, but to only a handful of customers.
        var slowPool = ranked.Skip(top).Where(i => h.ItemBuyersRecent[i] is >= 3 and <= 12).ToArray();
        new Random(options.Seed).Shuffle(slowPool);
        chosen.AddRange(slowPool.Take(slow).Order().Select(i => (i, true)));
        return chosen;
    }
}
