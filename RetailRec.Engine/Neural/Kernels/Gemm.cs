namespace RetailRec.Engine.Neural.Kernels;

public enum GemmBackend { Managed, OpenBlas }

/// <summary>
/// Row-major SGEMM: C[m,n] = alpha * op(A) * op(B) + beta * C, where op(A) is m x k (stored k x m when
/// <c>transA</c>) and op(B) is k x n (stored n x k when <c>transB</c>). With beta == 0 C is write-only.
/// The managed kernel is the default because it is always present and bit-reproducible for any thread count;
/// OpenBLAS can be selected when installed.
/// </summary>
public static unsafe class Gemm
{
    /// <summary>Worker threads for GEMM and the parallel neural ops.</summary>
    public static int Threads { get; set; } = Environment.ProcessorCount;

    public static GemmBackend Backend { get; set; } = GemmBackend.Managed;

    public static void Sgemm(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc,
        GemmBackend? backend = null, int? threads = null)
    {
        Check(a, transA ? k : m, transA ? m : k, lda, "A");
        Check(b, transB ? n : k, transB ? k : n, ldb, "B");
        Check(c, m, n, ldc, "C");
        fixed (float* pa = a, pb = b, pc = c)
        {
            if ((backend ?? Backend) == GemmBackend.OpenBlas && OpenBlas.IsAvailable)
                OpenBlas.Gemm(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
            else
                ManagedGemm.Sgemm(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc, threads ?? Threads);
        }
    }

    /// <summary>Row-major dense matrices with no padding: the common case.</summary>
    public static void Sgemm(bool transA, bool transB, int m, int n, int k, ReadOnlySpan<float> a, ReadOnlySpan<float> b,
        Span<float> c, float beta = 0, float alpha = 1, int? threads = null) =>
        Sgemm(transA, transB, m, n, k, alpha, a, transA ? m : k, b, transB ? k : n, beta, c, n, threads: threads);

    private static void Check(ReadOnlySpan<float> x, int rows, int cols, int ld, string name)
    {
        if (rows == 0 || cols == 0) return;
        if (ld < cols) throw new ArgumentException($"leading dimension of {name} ({ld}) is smaller than its row length ({cols})");
        if ((long)(rows - 1) * ld + cols > x.Length) throw new ArgumentException($"{name} is too short for {rows}x{cols} with stride {ld}");
    }
}
