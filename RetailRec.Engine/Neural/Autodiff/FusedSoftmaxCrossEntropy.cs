using System.Runtime.CompilerServices;
using RetailRec.Engine.Neural.Kernels;
using RetailRec.Engine.Neural.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace RetailRec.Engine.Neural.Autodiff;

public static class FusedSoftmaxCrossEntropy
{
    /// <summary>Rows of logits computed at once; 256 x 4,000 items is 4 MB, against 100 MB for a full batch of logits.</summary>
    public const int ChunkRows = 256;

    /// <summary>
    /// Mean cross-entropy of softmax(h W^T) against <paramref name="targets"/> over the full item vocabulary, fused
    /// with the output projection: logits are produced ChunkRows rows at a time and never kept; backward recomputes
    /// each chunk. h is [N, D] (any leading shape), W is [V, D] (the tied item embedding); target -1 means "no loss
    /// at this position" (padding). Only the log-sum-exp of each row is stored.
    /// </summary>
    public static Var SoftmaxCrossEntropy(this Tape tape, Var hidden, Var weight, int[] targets)
    {
        var d = hidden.Value.LastDim;
        var v = weight.Value.Rows;
        if (weight.Value.LastDim != d || hidden.Value.Rows != targets.Length) throw new ArgumentException("shapes of hidden, weight and targets do not match");
        var rows = Enumerable.Range(0, targets.Length).Where(i => targets[i] >= 0).ToArray();
        foreach (var r in rows) if (targets[r] >= v) throw new ArgumentOutOfRangeException(nameof(targets));
        var lse = new float[rows.Length];
        var losses = new double[rows.Length];
        ForChunks(rows, hidden.Value, weight.Value, d, v, (chunkStart, count, logits, _) =>
            RowsParallel(count, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (r) =>
            {
                // The row is recomputed in backward, so it can be overwritten here: vectorised exp in place.
                var row = logits.Span.Slice(r * v, v);
                var target = row[targets[rows[chunkStart + r]]];
                var max = TensorPrimitives.Max(row);
                TensorPrimitives.Subtract(row, max, row);
                TensorPrimitives.Exp(row, row);
                lse[chunkStart + r] = max + MathF.Log(TensorPrimitives.Sum(row));
                losses[chunkStart + r] = lse[chunkStart + r] - target;
            }));
        double total = 0;
        foreach (var l in losses) total += l; // in row order: deterministic
        var y = Tensor.From([(float)(rows.Length == 0 ? 0 : total / rows.Length)], 1);

        return tape.Node(y, o =>
        {
            if (rows.Length == 0) return;
            var scale = o.Grad![0] / rows.Length;
            var gh = hidden.RequiresGrad ? hidden.GradBuffer() : null;
            var gw = weight.RequiresGrad ? weight.GradBuffer() : null;
            var dhChunk = new float[ChunkRows * d];
            ForChunks(rows, hidden.Value, weight.Value, d, v, (chunkStart, count, logitsT, hChunk) =>
            {
                // dlogits = (softmax - onehot) * scale, written over the logits.
                RowsParallel(count, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (r) =>
                {
                    var row = logitsT.Span.Slice(r * v, v);
                    TensorPrimitives.Subtract(row, lse[chunkStart + r], row);
                    TensorPrimitives.Exp(row, row);
                    row[targets[rows[chunkStart + r]]] -= 1f;
                    TensorPrimitives.Multiply(row, scale, row);
                });
                var logits = logitsT.Span;
                if (gw is not null) Gemm.Sgemm(true, false, v, d, count, logits[..(count * v)], hChunk.Span[..(count * d)], gw.Span, beta: 1);
                if (gh is null) return;
                Gemm.Sgemm(false, false, count, d, v, logits[..(count * v)], weight.Value.Span, dhChunk.AsSpan(0, count * d));
                for (var r = 0; r < count; r++)
                {
                    var dst = gh.Span.Slice(rows[chunkStart + r] * d, d);
                    TensorPrimitives.Add(dst, dhChunk.AsSpan(r * d, d), dst);
                }
            });
        }, hidden, weight);
    }

    private delegate void ChunkBody(int chunkStart, int count, Tensor logits, Tensor hChunk);

    /// <summary>Computes logits = h[rows] W^T chunk by chunk into one reused buffer.</summary>
    private static void ForChunks(int[] rows, Tensor hidden, Tensor weight, int d, int v, ChunkBody body)
    {
        var logits = Tensor.Uninitialized(ChunkRows, v);
        var hChunk = Tensor.Uninitialized(ChunkRows, d);
        try
        {
            for (var start = 0; start < rows.Length; start += ChunkRows)
            {
                var count = Math.Min(ChunkRows, rows.Length - start);
                for (var r = 0; r < count; r++) hidden.Span.Slice(rows[start + r] * d, d).CopyTo(hChunk.Span.Slice(r * d, d));
                Gemm.Sgemm(false, true, count, v, d, hChunk.Span[..(count * d)], weight.Span, logits.Span[..(count * v)]);
                body(start, count, logits, hChunk);
            }
        }
        finally
        {
            logits.Dispose();
            hChunk.Dispose();
        }
    }

    internal static void RowsParallel(int count, Action<int> body)
    {
        if (Gemm.Threads <= 1 || count < 8) { for (var i = 0; i < count; i++) body(i); return; }
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Gemm.Threads }, body);
    }
}
