namespace RetailRec.Engine.Promotions.Calibration;

public enum CalibrationMethod
{
    /// <summary>The model's own probabilities.</summary>
    None,
    /// <summary>A sigmoid of the model's log-odds: smooth and order-preserving (the default).</summary>
    Platt,
    /// <summary>A non-decreasing step function: more flexible, but customers within one step tie.</summary>
    Isotonic,
}

/// <summary>A fitted monotone map from a model's raw probability to a calibrated one (Platt works on the log-odds).</summary>
public sealed class ProbabilityCalibration
{
    private readonly PlattCalibrator? _platt;
    private readonly IsotonicCalibrator? _isotonic;

    public CalibrationMethod Method { get; }

    private ProbabilityCalibration(CalibrationMethod method, PlattCalibrator? platt, IsotonicCalibrator? isotonic)
    {
        Method = method; _platt = platt; _isotonic = isotonic;
    }

    public static ProbabilityCalibration Identity { get; } = new(CalibrationMethod.None, null, null);

    /// <param name="probabilities">The model's raw probabilities on a window it was not trained on.</param>
    /// <param name="labels">Whether each of those customers then bought.</param>
    public static ProbabilityCalibration Fit(CalibrationMethod method, IReadOnlyList<double> probabilities, IReadOnlyList<byte> labels) => method switch
    {
        CalibrationMethod.None => Identity,
        CalibrationMethod.Platt => new(method, PlattCalibrator.Fit(probabilities.Select(PlattCalibrator.Logit).ToArray(), labels), null),
        CalibrationMethod.Isotonic => new(method, null, IsotonicCalibrator.Fit(probabilities, labels)),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown calibration method"),
    };

    public double Apply(double probability) => Method switch
    {
        CalibrationMethod.Platt => _platt!.Calibrate(PlattCalibrator.Logit(probability)),
        CalibrationMethod.Isotonic => _isotonic!.Calibrate(probability),
        _ => probability,
    };
}
