namespace RetailRec.Engine.Promotions.Models;

/// <summary>A fitted probability model over one feature row (raw, unstandardised values).</summary>
public interface IPropensityModel
{
    string Name { get; }
    double Predict(ReadOnlySpan<double> x);

    /// <summary>
    /// How much each feature moves this row's log-odds away from an average row (positive = towards buying). The
    /// campaign's "top-3 reasons" are the largest positive entries.
    /// </summary>
    double[] Contributions(ReadOnlySpan<double> x);
}

/// <summary>Logistic regression as a propensity model; it explains itself exactly (<see cref="LogisticRegression.Contributions"/>).</summary>
public sealed class LogisticPropensityModel(LogisticRegression fit) : IPropensityModel
{
    public LogisticRegression Fit { get; } = fit;
    public string Name => "logistic regression";
    public double Predict(ReadOnlySpan<double> x) => Fit.Predict(x);
    public double[] Contributions(ReadOnlySpan<double> x) => Fit.Contributions(x);
}
