using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Promotions.Calibration;
using RetailRec.Engine.Promotions.Evaluation;
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

    /// <summary>Gradient-boosted trees on the same training rows and weights.</summary>
    public LightGbmPropensityModel TrainLightGbm(RetailLog log, DateTime scoringDate, IReadOnlyList<int> items)
    {
        var set = BuildTrainingSet(log, scoringDate, items);
        return LightGbmPropensityModel.Fit(set.Values, set.Width, set.Labels, set.Weights, options.Seed);
    }

    public IPropensityModel Train(PropensityModelKind kind, RetailLog log, DateTime scoringDate, IReadOnlyList<int> items, MlpOptions? mlp = null) =>
        kind switch
        {
            PropensityModelKind.Logistic => TrainLogistic(log, scoringDate, items),
            PropensityModelKind.Mlp => TrainMlp(log, scoringDate, items, mlp),
            PropensityModelKind.LightGbm => TrainLightGbm(log, scoringDate, items),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown propensity model"),
        };

    /// <summary>
    /// A model for scoring at <paramref name="scoringDate"/> whose probabilities are calibrated on data it never saw:
    /// it is trained one horizon earlier (labels from [date - 2h, date - h)), its predictions for the validation
    /// window [date - h, date) fit the calibration map, and the report compares raw and calibrated probabilities there.
    /// The price is a model one horizon staler than <see cref="Train"/> would give; the gain is probabilities that
    /// mean what they say, which the campaign economics (expected buyers, ROI) multiply through.
    /// </summary>
    public (CalibratedPropensityModel Model, CalibrationReport Report) TrainCalibrated(PropensityModelKind kind, CalibrationMethod method,
        RetailLog log, DateTime scoringDate, IReadOnlyList<int> items, MlpOptions? mlp = null)
    {
        var validationStart = scoringDate.AddDays(-options.HorizonDays);
        var inner = Train(kind, log, validationStart, items, mlp);
        var (raw, labels) = ScoreWindow(log, inner, validationStart, scoringDate, items);
        if (labels.All(l => l == 0) && method != CalibrationMethod.None)
            throw new ArgumentException($"nobody bought the pooled products between {validationStart:d MMM yyyy} and {scoringDate:d MMM yyyy}, so there is nothing to calibrate on");
        var calibration = ProbabilityCalibration.Fit(method, raw, labels);
        var calibrated = raw.Select(calibration.Apply).ToArray();
        var model = new CalibratedPropensityModel(inner, calibration);
        return (model, new CalibrationReport(inner.Name, method, validationStart, scoringDate, labels.Length, labels.Sum(l => (int)l),
            raw.Average(), calibrated.Average(), labels.Average(l => (double)l),
            BinaryMetrics.Brier(raw, labels), BinaryMetrics.Brier(calibrated, labels),
            ReliabilityCurve.Compute(raw, labels), ReliabilityCurve.Compute(calibrated, labels)));
    }

    /// <summary>The model's probabilities for every (active customer, item) at <paramref name="from"/>, and who bought in [from, to).</summary>
    public (double[] Scores, byte[] Labels) ScoreWindow(RetailLog log, IPropensityModel model, DateTime from, DateTime to, IReadOnlyList<int> items)
    {
        var history = new PurchaseHistory(log, from);
        var window = new PurchaseWindow(log, from, to);
        var customers = history.ActiveCustomers();
        var scores = new List<double>(customers.Length * items.Count);
        var labels = new List<byte>(customers.Length * items.Count);
        foreach (var item in items)
        {
            var m = features.Build(history, item, customers);
            for (var r = 0; r < customers.Length; r++) scores.Add(model.Predict(m.Row(r)));
            labels.AddRange(window.Labels(item, customers));
        }
        return (scores.ToArray(), labels.ToArray());
    }

    /// <summary>The items a campaign model is pooled over: the targets plus the most-bought items of the last 90 days.</summary>
    public IReadOnlyList<int> PoolFor(PurchaseHistory history, IEnumerable<int> targets) => PoolFor(history, targets, options.PooledItems);

    public static IReadOnlyList<int> PoolFor(PurchaseHistory history, IEnumerable<int> targets, int pooledItems)
    {
        var pool = new List<int>(targets);
        var wanted = pool.Count + pooledItems;
        foreach (var i in Enumerable.Range(0, history.ItemBuyersRecent.Length).OrderByDescending(i => history.ItemBuyersRecent[i]).ThenBy(i => i))
        {
            if (pool.Count >= wanted) break;
            if (!pool.Contains(i)) pool.Add(i);
        }
        return pool;
    }
}
