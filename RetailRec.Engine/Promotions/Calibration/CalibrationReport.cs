namespace RetailRec.Engine.Promotions.Calibration;

/// <summary>
/// How a campaign model's probabilities were calibrated: on which validation window (after its training rows), and
/// how raw and calibrated probabilities compare with what customers then did. The calibrated Brier score is measured
/// on the window the map was fitted on; the backtest's <see cref="CalibrationCheck"/> is the out-of-sample check.
/// </summary>
public sealed record CalibrationReport(
    string Model, CalibrationMethod Method, DateTime ValidationFrom, DateTime ValidationTo, int Rows, int Buyers,
    double MeanRaw, double MeanCalibrated, double ObservedRate, double BrierRaw, double BrierCalibrated,
    ReliabilityBin[] Raw, ReliabilityBin[] Calibrated);
