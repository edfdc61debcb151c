namespace RetailRec.Engine.Promotions.Models;

/// <summary>
/// L2-regularised logistic regression fitted by Newton's method (IRLS) on standardised features: the explainable
/// default propensity model. Minimises  sum_i log(1 + exp(-y_i' w.x_i)) + lambda/2 |w|^2  (the intercept is not
/// penalised). Each coefficient times a z-score is that feature's contribution to the log-odds (the "reasons").
/// </summary>
public sealed class LogisticRegression
{
    public Standardizer Standardizer { get; }
    public double Intercept { get; }
    public double[] Weights { get; }
    public int Iterations { get; }

    private LogisticRegression(Standardizer s, double intercept, double[] weights, int iterations)
    {
        Standardizer = s; Intercept = intercept; Weights = weights; Iterations = iterations;
    }

    /// <param name="values">Row-major rows of <paramref name="width"/> raw features.</param>
    /// <param name="labels">1 = bought, 0 = did not.</param>
    /// <param name="sampleWeights">Optional per-row weights (e.g. to undo negative subsampling).</param>
    public static LogisticRegression Fit(double[] values, int width, IReadOnlyList<byte> labels, double lambda = 1.0,
        int maxIterations = 25, double tolerance = 1e-8, double[]? sampleWeights = null, bool standardize = true)
    {
        var rows = values.Length / width;
        if (labels.Count != rows) throw new ArgumentException("one label per row");
        var s = standardize ? Standardizer.Fit(values, width) : new Standardizer(new double[width], Enumerable.Repeat(1.0, width).ToArray());
        var p = width + 1; // parameter 0 is the intercept
        // Standardise once into a design matrix with a leading 1 column; every Newton step then streams over it.
        var design = new double[rows * p];
        for (var r = 0; r < rows; r++)
        {
            design[r * p] = 1;
            s.Apply(values.AsSpan(r * width, width), design.AsSpan(r * p + 1, width));
        }
        var beta = new double[p];
        var grad = new double[p];
        var hess = new double[p * p];
        var it = 0;
        for (; it < maxIterations; it++)
        {
            Array.Clear(grad); Array.Clear(hess);
            for (var r = 0; r < rows; r++)
            {
                var z = design.AsSpan(r * p, p);
                var prob = Sigmoid(System.Numerics.Tensors.TensorPrimitives.Dot<double>(beta, z));
                var w = sampleWeights?[r] ?? 1.0;
                var residual = w * (labels[r] - prob);
                var curvature = w * prob * (1 - prob);
                for (var a = 0; a < p; a++)
                {
                    grad[a] += residual * z[a];
                    var ca = curvature * z[a];
                    var row = hess.AsSpan(a * p, a + 1);
                    for (var b = 0; b <= a; b++) row[b] += ca * z[b];
                }
            }
            for (var a = 1; a < p; a++) { grad[a] -= lambda * beta[a]; hess[a * p + a] += lambda; }
            hess[0] += 1e-9; // keeps the system solvable when every label is equal
            for (var a = 0; a < p; a++) for (var b = a + 1; b < p; b++) hess[a * p + b] = hess[b * p + a];
            var step = SpdSolve.Solve(hess, grad, p);
            double change = 0;
            for (var a = 0; a < p; a++) { beta[a] += step[a]; change = Math.Max(change, Math.Abs(step[a])); }
            if (change < tolerance) { it++; break; }
        }
        return new LogisticRegression(s, beta[0], beta[1..], it);
    }

    public double Predict(ReadOnlySpan<double> x) => Sigmoid(LogOdds(x));

    public double LogOdds(ReadOnlySpan<double> x)
    {
        var sum = Intercept;
        for (var k = 0; k < Weights.Length; k++) sum += Weights[k] * (x[k] - Standardizer.Mean[k]) / Standardizer.Scale[k];
        return sum;
    }

    /// <summary>Each feature's additive share of the log-odds relative to an average customer.</summary>
    public double[] Contributions(ReadOnlySpan<double> x)
    {
        var c = new double[Weights.Length];
        for (var k = 0; k < c.Length; k++) c[k] = Weights[k] * (x[k] - Standardizer.Mean[k]) / Standardizer.Scale[k];
        return c;
    }

    public static double Sigmoid(double t) => t >= 0 ? 1 / (1 + Math.Exp(-t)) : Math.Exp(t) / (1 + Math.Exp(t));
}

/// <summary>Cholesky solve of a small symmetric positive-definite system (row-major, n x n).</summary>
internal static class SpdSolve
{
    public static double[] Solve(double[] a, double[] b, int n)
    {
        var l = new double[n * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j <= i; j++)
            {
                var sum = a[i * n + j];
                for (var k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k];
                if (i == j) l[i * n + i] = Math.Sqrt(Math.Max(sum, 1e-300));
                else l[i * n + j] = sum / l[j * n + j];
            }
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = b[i];
            for (var k = 0; k < i; k++) sum -= l[i * n + k] * y[k];
            y[i] = sum / l[i * n + i];
        }
        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = y[i];
            for (var k = i + 1; k < n; k++) sum -= l[k * n + i] * x[k];
            x[i] = sum / l[i * n + i];
        }
        return x;
    }
}
