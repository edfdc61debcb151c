using System.Runtime.CompilerServices;
using System.Buffers;
using System.Runtime.Intrinsics.X86;

namespace RetailRec.Engine.Neural.Kernels;

/// <summary>
/// Blocked, packed SGEMM in the GotoBLAS style: for each K slice (KC deep) the whole op(A) slice is packed into
/// 6-row panels and op(B) into 16-column panels (transposes are absorbed by the packing), then tiles of
/// MC x NC of C are computed in parallel by <see cref="MicroKernel"/>. Every C element is owned by exactly one
/// tile and summed over K in a fixed order, so results do not depend on the thread count (determinism).
/// </summary>
internal static unsafe class ManagedGemm
{
    private const int MR = MicroKernel.MR, NR = MicroKernel.NR;
    private const int KC = 256;      // A micro-panel 6x256 + B micro-panel 16x256 = 22 KB: fits L1
    private const int MC = 96;       // rows per tile (16 A panels, 96 KB at KC=256: fits L2)
    private const int NC = 192;      // columns per tile (12 B panels, 192 KB): the tile stays in L2
    private const long ParallelWork = 48L * 48 * 48;

    public static void Sgemm(bool transA, bool transB, int m, int n, int k, float alpha,
        float* a, int lda, float* b, int ldb, float beta, float* c, int ldc, int threads)
    {
        if (m == 0 || n == 0) return;
        if (k == 0 || alpha == 0) { ScaleC(m, n, beta, c, ldc); return; }

        var mPanels = (m + MR - 1) / MR;
        var nPanels = (n + NR - 1) / NR;
        var kcMax = Math.Min(KC, k);
        var aPackLen = mPanels * MR * kcMax;
        var bPackLen = nPanels * NR * kcMax;
        var aBuf = ArrayPool<float>.Shared.Rent(aPackLen + 16);
        var bBuf = ArrayPool<float>.Shared.Rent(bPackLen + 16);
        var parallel = threads > 1 && (long)m * n * k >= ParallelWork;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) };
        try
        {
            fixed (float* aPackPtr = aBuf, bPackPtr = bBuf)
            {
                nint ap = (nint)aPackPtr, bp = (nint)bPackPtr, pa = (nint)a, pb = (nint)b, pc = (nint)c;
                var rowTiles = (m + MC - 1) / MC;
                var colTiles = (n + NC - 1) / NC;
                for (var p0 = 0; p0 < k; p0 += KC)
                {
                    var kc = Math.Min(KC, k - p0);
                    var first = p0 == 0;
                    var pk = p0;
                    void PackA(int panel) => PackAPanel(transA, (float*)pa, lda, m, panel * MR, pk, kc, (float*)ap + panel * MR * kc);
                    void PackB(int panel) => PackBPanel(transB, (float*)pb, ldb, n, panel * NR, pk, kc, (float*)bp + panel * NR * kc);
                    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
                    void Tile(int t)
                    {
                        var i0 = t / colTiles * MC;
                        var j0 = t % colTiles * NC;
                        var iEnd = Math.Min(m, i0 + MC);
                        var jEnd = Math.Min(n, j0 + NC);
                        for (var j = j0; j < jEnd; j += NR)
                        {
                            var bPanel = (float*)bp + j / NR * NR * kc;
                            for (var i = i0; i < iEnd; i += MR)
                                MicroKernel.Run(kc, (float*)ap + i / MR * MR * kc, bPanel, (float*)pc + (long)i * ldc + j, ldc,
                                    Math.Min(MR, m - i), Math.Min(NR, n - j), alpha, beta, first);
                        }
                    }

                    if (parallel)
                    {
                        Parallel.For(0, mPanels, options, PackA);
                        Parallel.For(0, nPanels, options, PackB);
                        Parallel.For(0, rowTiles * colTiles, options, Tile);
                    }
                    else
                    {
                        for (var i = 0; i < mPanels; i++) PackA(i);
                        for (var j = 0; j < nPanels; j++) PackB(j);
                        for (var t = 0; t < rowTiles * colTiles; t++) Tile(t);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(aBuf);
            ArrayPool<float>.Shared.Return(bBuf);
        }
    }

    /// <summary>Packs rows i0..i0+6 of op(A), columns p0..p0+kc, k-major; rows past m are zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackAPanel(bool transA, float* a, int lda, int m, int i0, int p0, int kc, float* dst)
    {
        var rows = Math.Min(MR, m - i0);
        if (!transA)
        {
            for (var r = 0; r < rows; r++)
            {
                var src = a + (long)(i0 + r) * lda + p0;
                for (var p = 0; p < kc; p++) dst[p * MR + r] = src[p];
            }
        }
        else
        {
            for (var p = 0; p < kc; p++)
            {
                var src = a + (long)(p0 + p) * lda + i0;
                for (var r = 0; r < rows; r++) dst[p * MR + r] = src[r];
            }
        }
        for (var r = rows; r < MR; r++)
            for (var p = 0; p < kc; p++) dst[p * MR + r] = 0;
    }

    /// <summary>Packs columns j0..j0+16 of op(B), rows p0..p0+kc, k-major; columns past n are zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackBPanel(bool transB, float* b, int ldb, int n, int j0, int p0, int kc, float* dst)
    {
        var cols = Math.Min(NR, n - j0);
        if (!transB)
        {
            if (cols == NR && Avx.IsSupported)
            {
                for (var p = 0; p < kc; p++)
                {
                    var src = b + (long)(p0 + p) * ldb + j0;
                    Avx.Store(dst + p * NR, Avx.LoadVector256(src));
                    Avx.Store(dst + p * NR + 8, Avx.LoadVector256(src + 8));
                }
                return;
            }
            for (var p = 0; p < kc; p++)
            {
                var src = b + (long)(p0 + p) * ldb + j0;
                for (var j = 0; j < cols; j++) dst[p * NR + j] = src[j];
                for (var j = cols; j < NR; j++) dst[p * NR + j] = 0;
            }
        }
        else
        {
            for (var j = 0; j < cols; j++)
            {
                var src = b + (long)(j0 + j) * ldb + p0;
                for (var p = 0; p < kc; p++) dst[p * NR + j] = src[p];
            }
            for (var j = cols; j < NR; j++)
                for (var p = 0; p < kc; p++) dst[p * NR + j] = 0;
        }
    }

    private static void ScaleC(int m, int n, float beta, float* c, int ldc)
    {
        for (var i = 0; i < m; i++)
        {
            var row = new Span<float>(c + (long)i * ldc, n);
            if (beta == 0) row.Clear();
            else if (beta != 1) System.Numerics.Tensors.TensorPrimitives.Multiply(row, beta, row);
        }
    }
}
