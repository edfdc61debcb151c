using RetailRec.Engine.Features;
using RetailRec.Engine.Promotions.Features;
using RetailRec.Engine.Promotions.Models;

namespace RetailRec.Engine.Promotions;

/// <summary>The rows a propensity model is fitted on, built one horizon before the scoring date.</summary>
public sealed record TrainingSet(double[] Values, int Width, byte[] Labels, double[] Weights, DateTime Cutoff);

/// <summary>
/// Trains the purchase-probability model for scoring at <c>scoringDate</c> without looking at or past it:
/// features from the history before <c>scoringDate - horizon</c>, labels = bought in [scoringDate - horizon, scoringDate).
/// One model is pooled over several items (item popularity and trend are features), which gives a rare item enough
/// positive examples.
/// </summary>
public sealed class PropensityTrainer(PropensityOptions options, PropensityFeatureBuilder features)
{
    public TrainingSet BuildTrainingSet(RetailLog log, DateTime scoringDate, IReadOnlyList<int> items)
    {
        var cutoff = scoringDate.AddDays(-options.HorizonDays);
        var history = new PurchaseHistory(log, cutoff);
        var window = new PurchaseWindow(log, cutoff, scoringDate);
        var customers = history.ActiveCustomers();
        var width = features.Names.Length;
        var total = (long)customers.Length * items.Count;
        var positives = items.Sum(i => window.Buyers(i).Count(c => history.CustomerBaskets[c] > 0));
        // Keep every positive; keep negatives at a rate that fits the row budget and weight them back up.
        var keepNegative = total <= options.MaxTrainingRows ? 1.0 : Math.Max(0.01, (options.MaxTrainingRows - positives) / (double)(total - positives));
        var rng = new Random(options.Seed);
        var capacity = (int)Math.Min(total, options.MaxTrainingRows + positives + 1024);
        var values = new List<double>(capacity * width);
        var labels = new List<byte>(capacity);
        var weights = new List<double>(capacity);
        foreach (var item in items)
        {
            var m = features.Build(history, item, customers);
            var y = window.Labels(item, customers);
            for (var r = 0; r < customers.Length; r++)
            {
                if (y[r] == 0 && keepNegative < 1 && rng.NextDouble() >= keepNegative) continue;
                values.AddRange(m.Row(r));
                labels.Add(y[r]);
                weights.Add(y[r] == 1 ? 1.0 : 1.0 / keepNegative);
            }
        }
        return new TrainingSet(values.ToArray(), width, labels.ToArray(), weights.ToArray(), cutoff);
    }

    public LogisticPropensityModel TrainLogistic(RetailLog log, DateTime scoringDate, IReadOnlyList<int> items)
    {
        var set = BuildTrainingSet(log, scoringDate, items);
        return new LogisticPropensityModel(LogisticRegression.Fit(set.Values, set.Width, set.Labels, options.L2, sampleWeights: set.Weights));
    }

    /// <summary>The non-linear alternative to <see cref="TrainLogistic"/> on the same training rows (same weights).</summary>
    public MlpPropensityModel TrainMlp(RetailLog log, DateTime scoringDate, IReadOnlyList<int> items, MlpOptions? mlp = null)
    {
        var set = BuildTrainingSet(log, scoringDate, items);
        return MlpPropensityModel.Fit(set.Values, set.Width, set.Labels, set.Weights, mlp ?? new MlpOptions { Seed = options.Seed });
    }

    /// <summary>The items a campaign model is pooled over: the targets plus the most-bought items of the last 90 days.</summary>
    public IReadOnlyList<int> PoolFor(PurchaseHistory history, IEnumerable<int> targets)
    {
        var pool = new List<int>(targets);
        foreach (var i in Enumerable.Range(0, history.ItemBuyersRecent.Length).OrderByDescending(i => history.ItemBuyersRecent[i]).ThenBy(i => i))
        {
            if (pool.Count >= options.PooledItems + targets.Count()) break;
            if (!pool.Contains(i)) pool.Add(i);
        }
        return pool;
    }
}
