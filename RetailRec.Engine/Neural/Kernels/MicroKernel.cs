using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace RetailRec.Engine.Neural.Kernels;

/// <summary>
/// The 6x16 register-blocked inner kernel of <see cref="ManagedGemm"/>: 12 Vector256 accumulators
/// (6 rows x 2 vectors) stay in registers over the whole K panel, so each loaded B vector is used 6 times
/// and each broadcast A value twice. AVX2 has 16 ymm registers: 12 accumulators + 2 B + 1 A fit without spills.
/// </summary>
internal static unsafe class MicroKernel
{
    public const int MR = 6;
    public const int NR = 16;

    public static bool Vectorised => Fma.IsSupported && Avx.IsSupported;

    /// <summary>
    /// C[0..mr, 0..nr] (row stride ldc) = alpha * Ap * Bp + (first ? beta * C : C).
    /// Ap is kc x MR (k-major), Bp is kc x NR (k-major), both zero padded. When first and beta == 0
    /// C is never read, because pooled output buffers may hold garbage (even NaN).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, float* ap, float* bp, float* c, int ldc, int mr, int nr, float alpha, float beta, bool first)
    {
        if (!Vectorised) { RunScalar(kc, ap, bp, c, ldc, mr, nr, alpha, beta, first); return; }
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Avx.LoadVector256(bp);
            var b1 = Avx.LoadVector256(bp + 8);
            var a = Avx.BroadcastScalarToVector256(ap);
            c00 = Fma.MultiplyAdd(a, b0, c00); c01 = Fma.MultiplyAdd(a, b1, c01);
            a = Avx.BroadcastScalarToVector256(ap + 1);
            c10 = Fma.MultiplyAdd(a, b0, c10); c11 = Fma.MultiplyAdd(a, b1, c11);
            a = Avx.BroadcastScalarToVector256(ap + 2);
            c20 = Fma.MultiplyAdd(a, b0, c20); c21 = Fma.MultiplyAdd(a, b1, c21);
            a = Avx.BroadcastScalarToVector256(ap + 3);
            c30 = Fma.MultiplyAdd(a, b0, c30); c31 = Fma.MultiplyAdd(a, b1, c31);
            a = Avx.BroadcastScalarToVector256(ap + 4);
            c40 = Fma.MultiplyAdd(a, b0, c40); c41 = Fma.MultiplyAdd(a, b1, c41);
            a = Avx.BroadcastScalarToVector256(ap + 5);
            c50 = Fma.MultiplyAdd(a, b0, c50); c51 = Fma.MultiplyAdd(a, b1, c51);
            ap += MR; bp += NR;
        }

        if (mr == MR && nr == NR)
        {
            var va = Vector256.Create(alpha);
            var vb = Vector256.Create(first ? beta : 1f);
            var read = !first || beta != 0;
            Store(c, c00, c01, va, vb, read);
            Store(c + ldc, c10, c11, va, vb, read);
            Store(c + 2 * ldc, c20, c21, va, vb, read);
            Store(c + 3 * ldc, c30, c31, va, vb, read);
            Store(c + 4 * ldc, c40, c41, va, vb, read);
            Store(c + 5 * ldc, c50, c51, va, vb, read);
            return;
        }

        // Edge tile: spill to a local tile and copy the valid part.
        var t = stackalloc float[MR * NR];
        Avx.Store(t, c00); Avx.Store(t + 8, c01); Avx.Store(t + 16, c10); Avx.Store(t + 24, c11);
        Avx.Store(t + 32, c20); Avx.Store(t + 40, c21); Avx.Store(t + 48, c30); Avx.Store(t + 56, c31);
        Avx.Store(t + 64, c40); Avx.Store(t + 72, c41); Avx.Store(t + 80, c50); Avx.Store(t + 88, c51);
        WriteEdge(t, c, ldc, mr, nr, alpha, beta, first);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* row, Vector256<float> x0, Vector256<float> x1, Vector256<float> va, Vector256<float> vb, bool read)
    {
        if (read)
        {
            Avx.Store(row, Fma.MultiplyAdd(x0, va, Avx.Multiply(vb, Avx.LoadVector256(row))));
            Avx.Store(row + 8, Fma.MultiplyAdd(x1, va, Avx.Multiply(vb, Avx.LoadVector256(row + 8))));
        }
        else
        {
            Avx.Store(row, Avx.Multiply(x0, va));
            Avx.Store(row + 8, Avx.Multiply(x1, va));
        }
    }

    private static void WriteEdge(float* t, float* c, int ldc, int mr, int nr, float alpha, float beta, bool first)
    {
        for (var r = 0; r < mr; r++)
            for (var j = 0; j < nr; j++)
            {
                var v = alpha * t[r * NR + j];
                var dst = c + r * ldc + j;
                if (!first) *dst += v;
                else *dst = beta == 0 ? v : v + beta * *dst;
            }
    }

    private static void RunScalar(int kc, float* ap, float* bp, float* c, int ldc, int mr, int nr, float alpha, float beta, bool first)
    {
        var t = stackalloc float[MR * NR];
        for (var i = 0; i < MR * NR; i++) t[i] = 0;
        for (var p = 0; p < kc; p++)
            for (var r = 0; r < MR; r++)
            {
                var a = ap[p * MR + r];
                for (var j = 0; j < NR; j++) t[r * NR + j] += a * bp[p * NR + j];
            }
        WriteEdge(t, c, ldc, mr, nr, alpha, beta, first);
    }
}
