using RetailRec.Engine.Neural.Kernels;
using RetailRec.Engine.Neural.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace RetailRec.Engine.Neural.Autodiff;

public static class SampledSoftmaxOp
{
    /// <summary>
    /// Sampled softmax cross-entropy with logQ correction. Every scoring row n competes its target t_n against one
    /// shared set of sampled <paramref name="negatives"/>; each candidate's logit is corrected by subtracting
    /// log Q(item) (<paramref name="logQ"/>[item], the log probability that the sampler proposes the item), which
    /// makes the sampled loss an unbiased-in-the-limit estimate of the full softmax for popularity-skewed samplers
    /// such as in-batch negatives. A negative equal to the row's target is masked (an accidental hit).
    /// </summary>
    public static Var SampledSoftmaxCrossEntropy(this Tape tape, Var hidden, Var weight, int[] targets, int[] negatives, float[] logQ)
    {
        var d = hidden.Value.LastDim;
        var v = weight.Value.Rows;
        if (weight.Value.LastDim != d || hidden.Value.Rows != targets.Length || logQ.Length != v) throw new ArgumentException("sampled softmax shapes do not match");
        var rows = Enumerable.Range(0, targets.Length).Where(i => targets[i] >= 0).ToArray();
        int nv = rows.Length, s = negatives.Length;
        var hv = tape.Scratch(nv, d);
        var wn = tape.Scratch(s, d);
        for (var r = 0; r < nv; r++) hidden.Value.Span.Slice(rows[r] * d, d).CopyTo(hv.Span.Slice(r * d, d));
        for (var j = 0; j < s; j++) weight.Value.Span.Slice(negatives[j] * d, d).CopyTo(wn.Span.Slice(j * d, d));
        var probs = tape.Scratch(nv, s);
        var pPos = new float[nv];
        var losses = new double[nv];
        Gemm.Sgemm(false, true, nv, s, d, hv.Span, wn.Span, probs.Span);
        FusedSoftmaxCrossEntropy.RowsParallel(nv, r =>
        {
            var t = targets[rows[r]];
            var row = probs.Span.Slice(r * s, s);
            var pos = TensorPrimitives.Dot(hv.Span.Slice(r * d, d), weight.Value.Span.Slice(t * d, d)) - logQ[t];
            var max = pos;
            for (var j = 0; j < s; j++)
            {
                row[j] = negatives[j] == t ? float.NegativeInfinity : row[j] - logQ[negatives[j]];
                max = MathF.Max(max, row[j]);
            }
            double sum = MathF.Exp(pos - max);
            for (var j = 0; j < s; j++)
            {
                row[j] = MathF.Exp(row[j] - max); // exp(-inf) = 0 for masked candidates
                sum += row[j];
            }
            var lse = max + (float)Math.Log(sum);
            TensorPrimitives.Multiply(row, (float)(1 / sum), row);
            pPos[r] = MathF.Exp(pos - lse);
            losses[r] = lse - pos;
        });
        double total = 0;
        foreach (var l in losses) total += l;
        var y = Tensor.From([(float)(nv == 0 ? 0 : total / nv)], 1);

        return tape.Node(y, o =>
        {
            if (nv == 0) return;
            var scale = o.Grad![0] / nv;
            var dlog = tape.Scratch(nv, s);
            TensorPrimitives.Multiply(probs.Span, scale, dlog.Span);
            if (hidden.RequiresGrad)
            {
                var dh = tape.Scratch(nv, d);
                Gemm.Sgemm(false, false, nv, d, s, dlog.Span, wn.Span, dh.Span);
                var gh = hidden.GradBuffer().Span;
                for (var r = 0; r < nv; r++)
                {
                    var dst = gh.Slice(rows[r] * d, d);
                    TensorPrimitives.Add(dst, dh.Span.Slice(r * d, d), dst);
                    TensorPrimitives.MultiplyAdd(weight.Value.Span.Slice(targets[rows[r]] * d, d), (pPos[r] - 1) * scale, dst, dst);
                }
            }
            if (weight.RequiresGrad)
            {
                var dwn = tape.Scratch(s, d);
                Gemm.Sgemm(true, false, s, d, nv, dlog.Span, hv.Span, dwn.Span);
                var gw = weight.GradBuffer().Span;
                for (var j = 0; j < s; j++)
                {
                    var dst = gw.Slice(negatives[j] * d, d);
                    TensorPrimitives.Add(dst, dwn.Span.Slice(j * d, d), dst);
                }
                for (var r = 0; r < nv; r++)
                {
                    var dst = gw.Slice(targets[rows[r]] * d, d);
                    TensorPrimitives.MultiplyAdd(hv.Span.Slice(r * d, d), (pPos[r] - 1) * scale, dst, dst);
                }
            }
        }, hidden, weight);
    }
}
