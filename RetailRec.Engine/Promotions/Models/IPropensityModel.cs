namespace RetailRec.Engine.Promotions.Models;

/// <summary>A fitted probability model over one feature row (raw, unstandardised values).</summary>
public interface IPropensityModel
{
    string Name { get; }
    double Predict(ReadOnlySpan<double> x);
}

/// <summary>Logistic regression as a propensity model; it also explains itself (<see cref="LogisticRegression.Contributions"/>).</summary>
public sealed class LogisticPropensityModel(LogisticRegression fit) : IPropensityModel
{
    public LogisticRegression Fit { get; } = fit;
    public string Name => "logistic regression";
    public double Predict(ReadOnlySpan<double> x) => Fit.Predict(x);
}
