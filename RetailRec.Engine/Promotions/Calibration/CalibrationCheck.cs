using RetailRec.Engine.Datasets.RetailLogs;
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

        var (valScores, valLabels) = trainer.ScoreWindow(log, model, validationStart, cutoff, items);
        var (testScores, testLabels) = trainer.ScoreWindow(log, model, cutoff, cutoff.AddDays(options.HorizonDays), items);
        var platt = ProbabilityCalibration.Fit(CalibrationMethod.Platt, valScores, valLabels);
        var isotonic = ProbabilityCalibration.Fit(CalibrationMethod.Isotonic, valScores, valLabels);
        var plattTest = testScores.Select(platt.Apply).ToArray();
        var isoTest = testScores.Select(isotonic.Apply).ToArray();
        return new CalibrationResult(
            BinaryMetrics.Brier(testScores, testLabels), BinaryMetrics.Brier(plattTest, testLabels), BinaryMetrics.Brier(isoTest, testLabels),
            ReliabilityCurve.Compute(testScores, testLabels), ReliabilityCurve.Compute(plattTest, testLabels), ReliabilityCurve.Compute(isoTest, testLabels));
    }
}
