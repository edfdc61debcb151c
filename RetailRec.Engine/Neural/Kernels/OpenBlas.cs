using System.Runtime.InteropServices;

namespace RetailRec.Engine.Neural.Kernels;

/// <summary>
/// Optional system OpenBLAS (<c>libopenblas.so.0</c>, Debian package libopenblas0-pthread) bound at run time with
/// <see cref="NativeLibrary.TryLoad(string, out IntPtr)"/>, so the engine has no hard native dependency:
/// when it is absent the managed kernel is the only path.
/// </summary>
public static unsafe class OpenBlas
{
    private const int RowMajor = 101, NoTrans = 111, Trans = 112;
    private static readonly delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> Sgemm;
    private static readonly delegate* unmanaged<int, void> SetThreads;

    /// <summary>Why OpenBLAS is not available (null when it is).</summary>
    public static string? UnavailableReason { get; }

    public static bool IsAvailable => Sgemm != null;

    static OpenBlas()
    {
        string[] names = ["libopenblas.so.0", "libopenblas.so", "libopenblasp.so.0"];
        foreach (var name in names)
        {
            if (!NativeLibrary.TryLoad(name, out var lib)) continue;
            if (!NativeLibrary.TryGetExport(lib, "cblas_sgemm", out var f)) continue;
            Sgemm = (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)f;
            if (NativeLibrary.TryGetExport(lib, "openblas_set_num_threads", out var t))
                SetThreads = (delegate* unmanaged<int, void>)t;
            return;
        }
        UnavailableReason = "no libopenblas.so.0 with cblas_sgemm could be loaded (install libopenblas0-pthread)";
    }

    public static void SetThreadCount(int threads)
    {
        if (SetThreads != null) SetThreads(Math.Max(1, threads));
    }

    internal static void Gemm(bool transA, bool transB, int m, int n, int k, float alpha,
        float* a, int lda, float* b, int ldb, float beta, float* c, int ldc)
    {
        if (Sgemm == null) throw new InvalidOperationException(UnavailableReason);
        if (m == 0 || n == 0) return;
        Sgemm(RowMajor, transA ? Trans : NoTrans, transB ? Trans : NoTrans, m, n, k, alpha, a, Math.Max(1, lda), b, Math.Max(1, ldb), beta, c, Math.Max(1, ldc));
    }
}
