using RetailRec.Engine.Promotions.Calibration;

namespace RetailRec.Engine.Promotions.Models;

/// <summary>
/// A propensity model whose probabilities pass through a calibration map fitted on a later window than its training
/// rows. The map is monotone, so the reasons (log-odds contributions of the inner model) are unchanged.
/// </summary>
public sealed class CalibratedPropensityModel(IPropensityModel inner, ProbabilityCalibration calibration) : IPropensityModel
{
    public IPropensityModel Inner { get; } = inner;
    public ProbabilityCalibration Calibration { get; } = calibration;

    public string Name => Calibration.Method == CalibrationMethod.None ? Inner.Name : $"{Inner.Name}, {Calibration.Method} calibrated";
    public double Predict(ReadOnlySpan<double> x) => Calibration.Apply(Inner.Predict(x));
    public double RawPredict(ReadOnlySpan<double> x) => Inner.Predict(x);
    public double[] Contributions(ReadOnlySpan<double> x) => Inner.Contributions(x);
}
