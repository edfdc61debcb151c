namespace RetailRec.Engine.Recommendations.LinearAlgebra;

/// <summary>
/// Double-precision Cholesky solve of a small SPD system (ALS: one f x f system per user or item, f ~ 16..128).
/// Allocation-free: the caller owns the buffers so a parallel loop can reuse them per thread.
/// </summary>
public static class SmallSpdSolver
{
    /// <summary>Solves A x = b in place: <paramref name="a"/> (n x n row-major) becomes L, <paramref name="b"/> becomes x.</summary>
    public static void Solve(Span<double> a, Span<double> b, int n)
    {
        for (var j = 0; j < n; j++)
        {
            var s = a[j * n + j];
            for (var k = 0; k < j; k++) s -= a[j * n + k] * a[j * n + k];
            if (!(s > 0)) throw new ArithmeticException("matrix is not positive definite");
            var ljj = Math.Sqrt(s);
            a[j * n + j] = ljj;
            for (var i = j + 1; i < n; i++)
            {
                var t = a[i * n + j];
                for (var k = 0; k < j; k++) t -= a[i * n + k] * a[j * n + k];
                a[i * n + j] = t / ljj;
            }
        }
        for (var i = 0; i < n; i++) // L y = b
        {
            var t = b[i];
            for (var k = 0; k < i; k++) t -= a[i * n + k] * b[k];
            b[i] = t / a[i * n + i];
        }
        for (var i = n - 1; i >= 0; i--) // L^T x = y
        {
            var t = b[i];
            for (var k = i + 1; k < n; k++) t -= a[k * n + i] * b[k];
            b[i] = t / a[i * n + i];
        }
    }
}
