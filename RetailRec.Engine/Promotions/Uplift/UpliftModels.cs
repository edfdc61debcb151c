using RetailRec.Engine.Promotions.Models;

namespace RetailRec.Engine.Promotions.Uplift;

/// <summary>Predicts the change in purchase probability caused by contacting a customer.</summary>
public interface IUpliftModel
{
    string Name { get; }
    double Uplift(ReadOnlySpan<double> x);
}

/// <summary>
/// Two-model ("T-learner") uplift: one logistic regression on treated customers, one on controls;
/// uplift = P(buy | treated, x) - P(buy | control, x).
/// </summary>
public sealed class TwoModelUplift(LogisticRegression treated, LogisticRegression control) : IUpliftModel
{
    public string Name => "two-model";
    public LogisticRegression TreatedModel { get; } = treated;
    public LogisticRegression ControlModel { get; } = control;

    public static TwoModelUplift Fit(UpliftRows rows, double l2 = 1.0)
    {
        var t = rows.Where(o => o.Entry.Treated);
        var c = rows.Where(o => !o.Entry.Treated);
        return new TwoModelUplift(
            LogisticRegression.Fit(t.Values, t.Width, t.Bought.Select(b => b ? (byte)1 : (byte)0).ToArray(), l2),
            LogisticRegression.Fit(c.Values, c.Width, c.Bought.Select(b => b ? (byte)1 : (byte)0).ToArray(), l2));
    }

    public double Uplift(ReadOnlySpan<double> x) => TreatedModel.Predict(x) - ControlModel.Predict(x);
    public double PTreated(ReadOnlySpan<double> x) => TreatedModel.Predict(x);
    public double PControl(ReadOnlySpan<double> x) => ControlModel.Predict(x);
}

/// <summary>
/// Class-transformation uplift (Jaskowski and Jaroszewicz): Z = 1 for treated buyers and control non-buyers. With
/// treated and control re-weighted to equal total weight, P(Z=1 | x) = (1 + uplift(x)) / 2, so uplift = 2 P(Z=1|x) - 1.
/// One model, fitted on all rows.
/// </summary>
public sealed class ClassTransformationUplift(LogisticRegression model) : IUpliftModel
{
    public string Name => "class transformation";
    public LogisticRegression Model { get; } = model;

    public static ClassTransformationUplift Fit(UpliftRows rows, double l2 = 1.0)
    {
        var n = rows.Treated.Length;
        var nt = rows.Treated.Count(t => t);
        if (nt == 0 || nt == n) throw new ArgumentException("class transformation needs both treated and control rows");
        var z = new byte[n];
        var w = new double[n];
        for (var i = 0; i < n; i++)
        {
            z[i] = rows.Treated[i] == rows.Bought[i] ? (byte)1 : (byte)0;
            w[i] = rows.Treated[i] ? n / (2.0 * nt) : n / (2.0 * (n - nt));
        }
        return new ClassTransformationUplift(LogisticRegression.Fit(rows.Values, rows.Width, z, l2, sampleWeights: w));
    }

    public double Uplift(ReadOnlySpan<double> x) => 2 * Model.Predict(x) - 1;
}
