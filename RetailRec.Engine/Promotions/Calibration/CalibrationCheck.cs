using RetailRec.Engine.Features;
using RetailRec.Engine.Promotions.Evaluation;
using RetailRec.Engine.Promotions.Features;

namespace RetailRec.Engine.Promotions.Calibration;

public sealed record CalibrationResult(double BrierRaw, double BrierPlatt, double BrierIsotonic,
    ReliabilityBin[] Raw, ReliabilityBin[] Platt, ReliabilityBin[] Isotonic);

/// <summary>
/// Honest calibration: the model is trained one horizon earlier (scoring date cutoff - h), its predictions on the
/// validation window [cutoff - h, cutoff) fit Platt and isotonic maps, and all three are judged on [cutoff, cutoff + h).
/// </summary>
public static class CalibrationCheck
{
    public static CalibrationResult Run(RetailLog log, DateTime cutoff, IReadOnlyList<int> items, PropensityOptions options)
    {
        var builder = new PropensityFeatureBuilder();
        var trainer = new PropensityTrainer(options, builder);
        var validationStart = cutoff.AddDays(-options.HorizonDays);
        var model = trainer.TrainLogistic(log, validationStart, items);

        var (valScores, valLabels) = Score(log, model, builder, validationStart, cutoff, items);
        var (testScores, testLabels) = Score(log, model, builder, cutoff, cutoff.AddDays(options.HorizonDays), items);
        var platt = PlattCalibrator.Fit(valScores.Select(PlattCalibrator.Logit).ToArray(), valLabels);
        var isotonic = IsotonicCalibrator.Fit(valScores, valLabels);
        var plattTest = testScores.Select(p => platt.Calibrate(PlattCalibrator.Logit(p))).ToArray();
        var isoTest = testScores.Select(isotonic.Calibrate).ToArray();
        return new CalibrationResult(
            BinaryMetrics.Brier(testScores, testLabels), BinaryMetrics.Brier(plattTest, testLabels), BinaryMetrics.Brier(isoTest, testLabels),
            ReliabilityCurve.Compute(testScores, testLabels), ReliabilityCurve.Compute(plattTest, testLabels), ReliabilityCurve.Compute(isoTest, testLabels));
    }

    private static (double[] Scores, byte[] Labels) Score(RetailLog log, Models.IPropensityModel model, PropensityFeatureBuilder builder,
        DateTime from, DateTime to, IReadOnlyList<int> items)
    {
        var history = new PurchaseHistory(log, from);
        var window = new PurchaseWindow(log, from, to);
        var customers = history.ActiveCustomers();
        var scores = new List<double>();
        var labels = new List<byte>();
        foreach (var item in items)
        {
            var m = builder.Build(history, item, customers);
            for (var r = 0; r < customers.Length; r++) scores.Add(model.Predict(m.Row(r)));
            labels.AddRange(window.Labels(item, customers));
        }
        return (scores.ToArray(), labels.ToArray());
    }
}
