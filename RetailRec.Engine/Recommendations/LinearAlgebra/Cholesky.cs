using System.Numerics.Tensors;

namespace RetailRec.Engine.Recommendations.LinearAlgebra;

/// <summary>
/// Cholesky factorisation and inverse of a dense symmetric positive-definite matrix, in place, blocked and parallel.
/// Every inner loop is a dot product of two contiguous row slices (TensorPrimitives.Dot, SIMD), which is why the
/// factor is kept as the LOWER triangle in row-major order and the inverse is formed as Z Z^T with Z = L^-T by rows.
/// Float precision is enough here: callers regularise (EASE adds lambda >= 1 to the diagonal), which bounds the condition number.
/// </summary>
public static class Cholesky
{
    private const int Block = 192;

    /// <summary>Overwrites the lower triangle of <paramref name="a"/> with L (A = L L^T). The upper triangle is left untouched.</summary>
    public static void Factor(DenseMatrix a, CancellationToken ct = default)
    {
        var n = a.N;
        var d = a.Data;
        for (var k0 = 0; k0 < n; k0 += Block)
        {
            ct.ThrowIfCancellationRequested();
            var k1 = Math.Min(n, k0 + Block);
            // 1. Diagonal block, unblocked (the trailing updates of earlier steps are already applied).
            for (var j = k0; j < k1; j++)
            {
                var rowJ = d.AsSpan(j * n + k0, j - k0);
                var diag = d[j * n + j] - TensorPrimitives.Dot(rowJ, rowJ);
                if (!(diag > 0)) throw new ArithmeticException($"matrix is not positive definite (pivot {j} = {diag})");
                var ljj = MathF.Sqrt(diag);
                d[j * n + j] = ljj;
                for (var i = j + 1; i < k1; i++)
                    d[i * n + j] = (d[i * n + j] - TensorPrimitives.Dot(d.AsSpan(i * n + k0, j - k0), rowJ)) / ljj;
            }
            if (k1 == n) break;
            // 2. Panel below the diagonal block: each row solves against L11 independently.
            Parallel.For(k1, n, i =>
            {
                for (var j = k0; j < k1; j++)
                    d[i * n + j] = (d[i * n + j] - TensorPrimitives.Dot(d.AsSpan(i * n + k0, j - k0), d.AsSpan(j * n + k0, j - k0)))
                                   / d[j * n + j];
            });
            // 3. Trailing update of the lower triangle: A22 -= L21 L21^T. Rows are interleaved across workers for balance.
            var width = k1 - k0;
            Parallel.For(0, n - k1, t =>
            {
                var i = k1 + t;
                var li = d.AsSpan(i * n + k0, width);
                for (var j = k1; j <= i; j++) d[i * n + j] -= TensorPrimitives.Dot(li, d.AsSpan(j * n + k0, width));
            });
        }
    }

    /// <summary>Inverse of an SPD matrix (full symmetric result, returned as a new matrix). <paramref name="a"/> is destroyed.</summary>
    public static DenseMatrix Invert(DenseMatrix a, CancellationToken ct = default)
    {
        Factor(a, ct);
        var n = a.N;
        var l = a.Data;
        // Z = L^-T stored by rows: row j of Z is column j of L^-1, nonzero from index j on. Columns are independent.
        var z = new DenseMatrix(n);
        Parallel.For(0, n, new ParallelOptions { CancellationToken = ct }, j =>
        {
            var y = z.Data.AsSpan(j * n, n);
            y[j] = 1 / l[j * n + j];
            for (var i = j + 1; i < n; i++)
                y[i] = -TensorPrimitives.Dot(l.AsSpan(i * n + j, i - j), y.Slice(j, i - j)) / l[i * n + i];
        });
        // A^-1 = L^-T L^-1 = Z Z^T: entry (i, j) is the dot of rows i and j of Z from max(i, j) on.
        var inv = new DenseMatrix(n);
        Parallel.For(0, n, new ParallelOptions { CancellationToken = ct }, i =>
        {
            var zi = z.Data.AsSpan(i * n, n);
            for (var j = 0; j <= i; j++)
            {
                var v = TensorPrimitives.Dot(zi[i..], z.Data.AsSpan(j * n + i, n - i));
                inv.Data[i * n + j] = v;
                inv.Data[j * n + i] = v;
            }
        });
        return inv;
    }
}
