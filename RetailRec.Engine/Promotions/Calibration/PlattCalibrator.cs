using RetailRec.Engine.Promotions.Models;

namespace RetailRec.Engine.Promotions.Calibration;

/// <summary>
/// Platt scaling: p = sigmoid(A * score + B), fitted by maximum likelihood on held-out outcomes (a one-feature
/// logistic regression on the raw score; pass log-odds for a model that outputs probabilities).
/// </summary>
public sealed record PlattCalibrator(double A, double B)
{
    public static PlattCalibrator Fit(IReadOnlyList<double> scores, IReadOnlyList<byte> labels)
    {
        // A whisper of L2 keeps A finite when the held-out data happen to be perfectly separable.
        var fit = LogisticRegression.Fit(scores.ToArray(), 1, labels, lambda: 1e-6, standardize: false);
        return new PlattCalibrator(fit.Weights[0], fit.Intercept);
    }

    public double Calibrate(double score) => LogisticRegression.Sigmoid(A * score + B);

    public static double Logit(double p)
    {
        p = Math.Clamp(p, 1e-12, 1 - 1e-12);
        return Math.Log(p / (1 - p));
    }
}
