namespace RetailRec.Engine.Promotions.Models;

/// <summary>
/// Per-column mean and standard deviation of a training matrix. Models work on z-scores so that L2 treats
/// features alike and a coefficient times a z-score reads as "how much this feature moved this customer's odds".
/// </summary>
public sealed record Standardizer(double[] Mean, double[] Scale)
{
    public static Standardizer Fit(double[] values, int width)
    {
        var rows = values.Length / width;
        var mean = new double[width];
        var sq = new double[width];
        for (var r = 0; r < rows; r++)
            for (var k = 0; k < width; k++) mean[k] += values[r * width + k];
        for (var k = 0; k < width; k++) mean[k] /= Math.Max(1, rows);
        for (var r = 0; r < rows; r++)
            for (var k = 0; k < width; k++) { var d = values[r * width + k] - mean[k]; sq[k] += d * d; }
        // A constant column gets scale 1 so it standardises to 0 instead of dividing by zero.
        var scale = sq.Select(s => Math.Sqrt(s / Math.Max(1, rows)) is var sd && sd > 1e-12 ? sd : 1.0).ToArray();
        return new Standardizer(mean, scale);
    }

    public void Apply(ReadOnlySpan<double> x, Span<double> z)
    {
        for (var k = 0; k < x.Length; k++) z[k] = (x[k] - Mean[k]) / Scale[k];
    }
}
