using RetailRec.Engine.Marketing.Segmentation;

namespace RetailRec.Tests.Engine.Marketing.Segmentation;

public class PcaTests
{
    [Fact]
    public void Jacobi_reproduces_a_known_decomposition()
    {
        // A = Q diag(6, 3, 1) Q^T with Q the rotation by 30 degrees about the z axis.
        double c = Math.Cos(Math.PI / 6), s = Math.Sin(Math.PI / 6);
        double[,] q = { { c, -s, 0 }, { s, c, 0 }, { 0, 0, 1 } };
        double[] lambda = [6, 3, 1];
        var a = new double[9];
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++)
                for (var k = 0; k < 3; k++) a[i * 3 + j] += q[i, k] * lambda[k] * q[j, k];

        var (values, vectors) = SymmetricEigen.Decompose(a, 3);
        Assert.Equal(6, values[0], 10);
        Assert.Equal(3, values[1], 10);
        Assert.Equal(1, values[2], 10);
        // First eigenvector = first column of Q (c, s, 0), sign-normalised so the largest entry is positive.
        Assert.Equal(c, vectors[0 * 3 + 0], 10);
        Assert.Equal(s, vectors[1 * 3 + 0], 10);
        Assert.Equal(0, vectors[2 * 3 + 0], 10);
        // Second: (-s, c, 0). Third: (0, 0, 1).
        Assert.Equal(-s, vectors[0 * 3 + 1], 10);
        Assert.Equal(c, vectors[1 * 3 + 1], 10);
        Assert.Equal(1, vectors[2 * 3 + 2], 10);
    }

    [Fact]
    public void Pca_of_a_hand_computed_cloud()
    {
        // Points (2,0), (-2,0), (0,1), (0,-1): covariance diag(8/3, 2/3), so PC1 = x axis with 80% of the variance.
        var x = new FeatureMatrix(4, 2, [2, 0, -2, 0, 0, 1, 0, -1]);
        var r = Pca.Fit(x, 2);
        Assert.Equal(0.8, r.ExplainedVarianceRatio[0], 10);
        Assert.Equal(0.2, r.ExplainedVarianceRatio[1], 10);
        Assert.Equal(1, r.Components[0][0], 10);
        Assert.Equal(0, r.Components[0][1], 10);
        Assert.Equal([2, -2, 0, 0], r.Projection.Select(p => Math.Round(p[0], 10)));
        Assert.Equal([0, 0, 1, -1], r.Projection.Select(p => Math.Round(p[1], 10)));
    }

    [Fact]
    public void Points_on_a_line_have_one_component()
    {
        var x = new FeatureMatrix(4, 2, [0, 0, 1, 2, 2, 4, 3, 6]);
        var r = Pca.Fit(x, 2);
        Assert.Equal(1, r.ExplainedVarianceRatio[0], 10);
        Assert.Equal(1 / Math.Sqrt(5), r.Components[0][0], 10);
        Assert.Equal(2 / Math.Sqrt(5), r.Components[0][1], 10);
    }
}
