using RetailRec.Engine.Recommendations.LinearAlgebra;

namespace RetailRec.Tests.Engine.Recommendations;

public class LinearAlgebraTests
{
    /// <summary>A random SPD matrix M M^T / n + I, big enough (n = 300) to cross several 192-wide blocks.</summary>
    internal static double[,] RandomSpd(int n, int seed)
    {
        var rng = new Random(seed);
        var m = new double[n, n];
        for (var i = 0; i < n; i++) for (var j = 0; j < n; j++) m[i, j] = rng.NextDouble() - 0.5;
        var a = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                double s = 0;
                for (var k = 0; k < n; k++) s += m[i, k] * m[j, k];
                a[i, j] = s / n * 4 + (i == j ? 1 : 0);
            }
        return a;
    }

    [Fact]
    public void Blocked_inverse_times_the_matrix_is_the_identity()
    {
        const int n = 300;
        var a = RandomSpd(n, 7);
        var m = new DenseMatrix(n);
        for (var i = 0; i < n; i++) for (var j = 0; j < n; j++) m[i, j] = (float)a[i, j];
        var inv = Cholesky.Invert(m);
        double worst = 0;
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                double s = 0;
                for (var k = 0; k < n; k++) s += a[i, k] * inv[k, j];
                worst = Math.Max(worst, Math.Abs(s - (i == j ? 1 : 0)));
                Assert.Equal(inv[i, j], inv[j, i]);
            }
        Assert.True(worst < 1e-4, $"max |A A^-1 - I| = {worst}");
    }

    [Fact]
    public void Factor_matches_a_hand_computed_two_by_two()
    {
        // [[4, 2], [2, 5]] = L L^T with L = [[2, 0], [1, 2]].
        var m = new DenseMatrix(2);
        m[0, 0] = 4; m[0, 1] = 2; m[1, 0] = 2; m[1, 1] = 5;
        Cholesky.Factor(m);
        Assert.Equal(2f, m[0, 0]); Assert.Equal(1f, m[1, 0]); Assert.Equal(2f, m[1, 1]);
    }

    [Fact]
    public void Not_positive_definite_is_reported()
    {
        var m = new DenseMatrix(2);
        m[0, 0] = 1; m[0, 1] = 2; m[1, 0] = 2; m[1, 1] = 1;
        Assert.Throws<ArithmeticException>(() => Cholesky.Factor(m));
    }

    [Fact]
    public void Small_solver_solves_a_random_system()
    {
        const int n = 12;
        var a = RandomSpd(n, 3);
        var flat = new double[n * n];
        for (var i = 0; i < n; i++) for (var j = 0; j < n; j++) flat[i * n + j] = a[i, j];
        var x = Enumerable.Range(0, n).Select(i => (double)i - 4).ToArray();
        var b = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Sum(k => a[i, k] * x[k])).ToArray();
        SmallSpdSolver.Solve(flat, b, n);
        for (var i = 0; i < n; i++) Assert.Equal(x[i], b[i], 9);
    }

    /// <summary>Gaussian elimination with partial pivoting in double: the independent reference for tests.</summary>
    internal static double[] DirectSolve(double[,] a0, double[] b0)
    {
        var n = b0.Length;
        var a = (double[,])a0.Clone();
        var b = (double[])b0.Clone();
        for (var c = 0; c < n; c++)
        {
            var p = Enumerable.Range(c, n - c).MaxBy(r => Math.Abs(a[r, c]));
            for (var k = 0; k < n; k++) (a[c, k], a[p, k]) = (a[p, k], a[c, k]);
            (b[c], b[p]) = (b[p], b[c]);
            for (var r = c + 1; r < n; r++)
            {
                var f = a[r, c] / a[c, c];
                for (var k = c; k < n; k++) a[r, k] -= f * a[c, k];
                b[r] -= f * b[c];
            }
        }
        var x = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var s = b[r];
            for (var k = r + 1; k < n; k++) s -= a[r, k] * x[k];
            x[r] = s / a[r, r];
        }
        return x;
    }
}
