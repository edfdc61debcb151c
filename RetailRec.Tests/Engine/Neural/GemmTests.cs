using RetailRec.Engine.Neural.Kernels;
using Xunit.Abstractions;

namespace RetailRec.Tests.Engine.Neural;

public class GemmTests(ITestOutputHelper output)
{
    public static TheoryData<int, int, int, bool, bool> Shapes()
    {
        var data = new TheoryData<int, int, int, bool, bool>();
        foreach (var (m, n, k) in new[] { (1, 1, 1), (7, 13, 5), (257, 129, 65), (6, 16, 300) })
            foreach (var ta in new[] { false, true })
                foreach (var tb in new[] { false, true })
                    data.Add(m, n, k, ta, tb);
        return data;
    }

    private static float[] Random(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
    }

    /// <summary>Naive triple loop in double: C = alpha op(A) op(B) + beta C.</summary>
    private static float[] Reference(bool ta, bool tb, int m, int n, int k, float alpha, float[] a, float[] b, float beta, float[] c)
    {
        var r = new float[m * n];
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
            {
                double s = 0;
                for (var p = 0; p < k; p++)
                    s += (double)(ta ? a[p * m + i] : a[i * k + p]) * (tb ? b[j * k + p] : b[p * n + j]);
                r[i * n + j] = (float)(alpha * s + beta * c[i * n + j]);
            }
        return r;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Managed_kernel_matches_naive_reference(int m, int n, int k, bool ta, bool tb)
    {
        var a = Random(m * k, 1); var b = Random(k * n, 2); var c0 = Random(m * n, 3);
        foreach (var (alpha, beta) in new[] { (1f, 0f), (0.5f, -2f) })
        {
            var c = (float[])c0.Clone();
            if (beta == 0) Array.Fill(c, float.NaN); // beta = 0 must never read C (pooled buffers hold garbage)
            Gemm.Sgemm(ta, tb, m, n, k, alpha, a, ta ? m : k, b, tb ? k : n, beta, c, n, GemmBackend.Managed);
            var expected = Reference(ta, tb, m, n, k, alpha, a, b, beta, c0);
            for (var i = 0; i < c.Length; i++)
                Assert.True(Math.Abs(c[i] - expected[i]) <= 1e-4 * Math.Sqrt(k) + 1e-5, $"C[{i}] = {c[i]} vs {expected[i]}");
        }
    }

    [Fact]
    public void Result_does_not_depend_on_thread_count()
    {
        int m = 300, n = 200, k = 600;
        var a = Random(m * k, 1); var b = Random(k * n, 2);
        var c1 = new float[m * n]; var c2 = new float[m * n];
        Gemm.Sgemm(false, true, m, n, k, a, b, c1, threads: 1);
        Gemm.Sgemm(false, true, m, n, k, a, b, c2, threads: 2);
        Assert.Equal(c1, c2);
    }

    [Fact]
    public void Strided_submatrices_are_respected()
    {
        // A 3x2 block inside a 3x5 buffer (lda 5), B 2x4 inside 2x6 (ldb 6), C 3x4 inside 3x7 (ldc 7).
        var a = Random(15, 1); var b = Random(12, 2); var c = new float[21];
        Gemm.Sgemm(false, false, 3, 4, 2, 1f, a, 5, b, 6, 0f, c, 7, GemmBackend.Managed);
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 7; j++)
            {
                var expected = j < 4 ? a[i * 5] * b[j] + a[i * 5 + 1] * b[6 + j] : 0f;
                Assert.Equal(expected, c[i * 7 + j], 5);
            }
    }

    [Fact]
    public void OpenBlas_and_managed_agree_when_OpenBlas_is_installed()
    {
        int m = 257, n = 129, k = 65;
        var a = Random(m * k, 1); var b = Random(n * k, 2);
        var managed = new float[m * n];
        Gemm.Sgemm(false, true, m, n, k, 1f, a, k, b, k, 0f, managed, n, GemmBackend.Managed);
        var expected = Reference(false, true, m, n, k, 1f, a, b, 0f, new float[m * n]);
        for (var i = 0; i < managed.Length; i++) Assert.True(Math.Abs(expected[i] - managed[i]) < 1e-4, $"C[{i}]: managed {managed[i]} vs reference {expected[i]}");
        if (!OpenBlas.IsAvailable)
        {
            output.WriteLine("OpenBLAS comparison not run: " + OpenBlas.UnavailableReason + "; managed path checked against the reference only.");
            return;
        }
        var blas = new float[m * n];
        Gemm.Sgemm(false, true, m, n, k, 1f, a, k, b, k, 0f, blas, n, GemmBackend.OpenBlas);
        for (var i = 0; i < blas.Length; i++) Assert.True(Math.Abs(blas[i] - managed[i]) < 1e-4, $"C[{i}]: OpenBLAS {blas[i]} vs managed {managed[i]}");
        output.WriteLine("OpenBLAS and managed GEMM agree on 257x129x65.");
    }
}
