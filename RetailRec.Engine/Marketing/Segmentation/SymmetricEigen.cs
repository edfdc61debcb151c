namespace RetailRec.Engine.Marketing.Segmentation;

/// <summary>
/// Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations (exact to rounding, robust for
/// covariance matrices of a dozen features). Eigenvalues come back in descending order; eigenvectors are the
/// columns of <c>Vectors</c> (d x d, row-major), each signed so its largest-magnitude entry is positive.
/// </summary>
public static class SymmetricEigen
{
    public static (double[] Values, double[] Vectors) Decompose(double[] matrix, int d, int maxSweeps = 100)
    {
        var a = (double[])matrix.Clone();
        var v = new double[d * d];
        for (var i = 0; i < d; i++) v[i * d + i] = 1;

        for (var sweep = 0; sweep < maxSweeps; sweep++)
        {
            double off = 0;
            for (var p = 0; p < d; p++) for (var q = p + 1; q < d; q++) off += a[p * d + q] * a[p * d + q];
            if (off < 1e-30) break;
            for (var p = 0; p < d; p++)
                for (var q = p + 1; q < d; q++)
                {
                    var apq = a[p * d + q];
                    if (Math.Abs(apq) < 1e-300) continue;
                    // Rotation angle that zeroes a[p,q]: tan(2 theta) = 2 a_pq / (a_qq - a_pp), smaller root for stability.
                    var theta = (a[q * d + q] - a[p * d + p]) / (2 * apq);
                    var t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    var c = 1 / Math.Sqrt(t * t + 1);
                    var s = t * c;
                    for (var k = 0; k < d; k++)
                    {
                        var akp = a[k * d + p];
                        var akq = a[k * d + q];
                        a[k * d + p] = c * akp - s * akq;
                        a[k * d + q] = s * akp + c * akq;
                    }
                    for (var k = 0; k < d; k++)
                    {
                        var apk = a[p * d + k];
                        var aqk = a[q * d + k];
                        a[p * d + k] = c * apk - s * aqk;
                        a[q * d + k] = s * apk + c * aqk;
                    }
                    for (var k = 0; k < d; k++)
                    {
                        var vkp = v[k * d + p];
                        var vkq = v[k * d + q];
                        v[k * d + p] = c * vkp - s * vkq;
                        v[k * d + q] = s * vkp + c * vkq;
                    }
                }
        }

        var order = Enumerable.Range(0, d).OrderByDescending(i => a[i * d + i]).ThenBy(i => i).ToArray();
        var values = order.Select(i => a[i * d + i]).ToArray();
        var vectors = new double[d * d];
        for (var col = 0; col < d; col++)
        {
            var src = order[col];
            var maxRow = 0;
            for (var r = 1; r < d; r++) if (Math.Abs(v[r * d + src]) > Math.Abs(v[maxRow * d + src])) maxRow = r;
            var sign = v[maxRow * d + src] < 0 ? -1 : 1;
            for (var r = 0; r < d; r++) vectors[r * d + col] = sign * v[r * d + src];
        }
        return (values, vectors);
    }
}
