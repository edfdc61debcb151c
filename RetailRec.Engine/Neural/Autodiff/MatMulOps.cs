using RetailRec.Engine.Neural.Kernels;
using RetailRec.Engine.Neural.Tensors;

namespace RetailRec.Engine.Neural.Autodiff;

public static class MatMulOps
{
    /// <summary>
    /// op(A) * op(B). A may have rank > 2 when not transposed: its leading dimensions are flattened into rows and
    /// kept in the output shape (so [B, L, D] x [D, E] gives [B, L, E]).
    /// </summary>
    public static Var MatMul(this Tape tape, Var a, Var b, bool transA = false, bool transB = false)
    {
        if (b.Value.Rank != 2) throw new ArgumentException("B must be a matrix");
        if (transA && a.Value.Rank != 2) throw new ArgumentException("a transposed A must be a matrix");
        var (m, k) = transA ? (a.Shape[1], a.Shape[0]) : (a.Value.Rows, a.Value.LastDim);
        var (kb, n) = transB ? (b.Shape[1], b.Shape[0]) : (b.Shape[0], b.Shape[1]);
        if (k != kb) throw new ArgumentException($"inner dimensions differ: {a.Value} x {b.Value}");
        int[] shape = transA ? [m, n] : [.. a.Shape[..^1], n];
        var y = Tensor.Uninitialized(shape);
        Gemm.Sgemm(transA, transB, m, n, k, a.Value.Span, b.Value.Span, y.Span);
        return tape.Node(y, o =>
        {
            var g = o.Grad!.Span;
            // dA = dY op(B)^T (or its transpose), dB = op(A)^T dY (or its transpose); accumulate with beta = 1.
            if (a.RequiresGrad)
            {
                var ga = a.GradBuffer().Span;
                if (!transA) Gemm.Sgemm(false, !transB, m, k, n, g, b.Value.Span, ga, beta: 1);
                else Gemm.Sgemm(transB, true, k, m, n, b.Value.Span, g, ga, beta: 1);
            }
            if (b.RequiresGrad)
            {
                var gb = b.GradBuffer().Span;
                if (!transB) Gemm.Sgemm(!transA, false, k, n, m, a.Value.Span, g, gb, beta: 1);
                else Gemm.Sgemm(true, transA, n, k, m, g, a.Value.Span, gb, beta: 1);
            }
        }, a, b);
    }

    /// <summary>Batched op(A[i]) * op(B[i]) for A [batch, ., .] and B [batch, ., .]; batches run in parallel.</summary>
    public static Var BatchedMatMul(this Tape tape, Var a, Var b, bool transA = false, bool transB = false)
    {
        if (a.Value.Rank != 3 || b.Value.Rank != 3 || a.Shape[0] != b.Shape[0]) throw new ArgumentException("batched matmul needs [batch, r, c] operands");
        var batch = a.Shape[0];
        var (m, k) = transA ? (a.Shape[2], a.Shape[1]) : (a.Shape[1], a.Shape[2]);
        var (kb, n) = transB ? (b.Shape[2], b.Shape[1]) : (b.Shape[1], b.Shape[2]);
        if (k != kb) throw new ArgumentException($"inner dimensions differ: {a.Value} x {b.Value}");
        var y = Tensor.Uninitialized(batch, m, n);
        int sa = m * k, sb = k * n, sy = m * n;
        ForBatch(batch, i => Gemm.Sgemm(transA, transB, m, n, k, a.Value.Span.Slice(i * sa, sa), b.Value.Span.Slice(i * sb, sb),
            y.Span.Slice(i * sy, sy), threads: 1));
        return tape.Node(y, o =>
        {
            var g = o.Grad!;
            if (a.RequiresGrad)
            {
                var ga = a.GradBuffer();
                ForBatch(batch, i =>
                {
                    var gi = g.Span.Slice(i * sy, sy);
                    var bi = b.Value.Span.Slice(i * sb, sb);
                    var dst = ga.Span.Slice(i * sa, sa);
                    if (!transA) Gemm.Sgemm(false, !transB, m, k, n, gi, bi, dst, beta: 1, threads: 1);
                    else Gemm.Sgemm(transB, true, k, m, n, bi, gi, dst, beta: 1, threads: 1);
                });
            }
            if (b.RequiresGrad)
            {
                var gb = b.GradBuffer();
                ForBatch(batch, i =>
                {
                    var gi = g.Span.Slice(i * sy, sy);
                    var ai = a.Value.Span.Slice(i * sa, sa);
                    var dst = gb.Span.Slice(i * sb, sb);
                    if (!transB) Gemm.Sgemm(!transA, false, k, n, m, ai, gi, dst, beta: 1, threads: 1);
                    else Gemm.Sgemm(true, transA, n, k, m, gi, ai, dst, beta: 1, threads: 1);
                });
            }
        }, a, b);
    }

    private static void ForBatch(int batch, Action<int> body)
    {
        if (batch == 1 || Gemm.Threads == 1) { for (var i = 0; i < batch; i++) body(i); return; }
        Parallel.For(0, batch, new ParallelOptions { MaxDegreeOfParallelism = Gemm.Threads }, body);
    }
}
