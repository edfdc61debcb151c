namespace RetailRec.Engine.Marketing.Segmentation;

/// <summary>
/// Principal components of a feature matrix: the projection of every row on the first components, the
/// components themselves (loadings, one array per component) and each component's share of the total variance.
/// </summary>
public sealed record PcaResult(double[][] Projection, double[][] Components, double[] ExplainedVarianceRatio, double[] Means);

public static class Pca
{
    /// <summary>Centres the columns, forms the covariance (divided by n - 1), and projects on the top components.</summary>
    public static PcaResult Fit(FeatureMatrix x, int components = 2)
    {
        int n = x.Rows, d = x.Cols;
        components = Math.Min(components, d);
        var means = new double[d];
        for (var i = 0; i < n; i++) for (var j = 0; j < d; j++) means[j] += x[i, j];
        for (var j = 0; j < d; j++) means[j] /= Math.Max(1, n);

        var cov = new double[d * d];
        for (var i = 0; i < n; i++)
            for (var a = 0; a < d; a++)
            {
                var da = x[i, a] - means[a];
                for (var b = a; b < d; b++) cov[a * d + b] += da * (x[i, b] - means[b]);
            }
        var denom = Math.Max(1, n - 1);
        for (var a = 0; a < d; a++)
            for (var b = a; b < d; b++) { cov[a * d + b] /= denom; cov[b * d + a] = cov[a * d + b]; }

        var (values, vectors) = SymmetricEigen.Decompose(cov, d);
        var total = values.Where(v => v > 0).Sum();
        var comps = new double[components][];
        for (var c = 0; c < components; c++)
        {
            comps[c] = new double[d];
            for (var r = 0; r < d; r++) comps[c][r] = vectors[r * d + c];
        }
        var projection = new double[n][];
        for (var i = 0; i < n; i++)
        {
            projection[i] = new double[components];
            for (var c = 0; c < components; c++)
            {
                double s = 0;
                for (var j = 0; j < d; j++) s += (x[i, j] - means[j]) * comps[c][j];
                projection[i][c] = s;
            }
        }
        var ratio = values.Take(components).Select(v => total > 0 ? Math.Max(0, v) / total : 0).ToArray();
        return new PcaResult(projection, comps, ratio, means);
    }
}
