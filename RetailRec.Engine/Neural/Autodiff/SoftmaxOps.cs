using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using RetailRec.Engine.Neural.Tensors;

namespace RetailRec.Engine.Neural.Autodiff;

/// <summary>Softmax and log-softmax over the last dimension.</summary>
public static class SoftmaxOps
{
    public static Var Softmax(this Tape tape, Var x)
    {
        var y = Tensor.Uninitialized(x.Shape);
        var w = x.Value.LastDim;
        for (var r = 0; r < x.Value.Rows; r++) TensorPrimitives.SoftMax(x.Value.Span.Slice(r * w, w), y.Span.Slice(r * w, w));
        return tape.Node(y, o =>
        {
            var gx = x.GradBuffer().Span;
            for (var r = 0; r < o.Value.Rows; r++)
            {
                var yr = o.Value.Span.Slice(r * w, w); var gr = o.Grad!.Span.Slice(r * w, w); var dst = gx.Slice(r * w, w);
                var dot = TensorPrimitives.Dot(yr, gr);
                for (var i = 0; i < w; i++) dst[i] += yr[i] * (gr[i] - dot);
            }
        }, x);
    }

    public static Var LogSoftmax(this Tape tape, Var x)
    {
        var y = Tensor.Uninitialized(x.Shape);
        var w = x.Value.LastDim;
        for (var r = 0; r < x.Value.Rows; r++)
        {
            var src = x.Value.Span.Slice(r * w, w); var dst = y.Span.Slice(r * w, w);
            TensorPrimitives.Subtract(src, LogSumExp(src), dst);
        }
        return tape.Node(y, o =>
        {
            var gx = x.GradBuffer().Span;
            for (var r = 0; r < o.Value.Rows; r++)
            {
                var yr = o.Value.Span.Slice(r * w, w); var gr = o.Grad!.Span.Slice(r * w, w); var dst = gx.Slice(r * w, w);
                var sum = TensorPrimitives.Sum(gr);
                for (var i = 0; i < w; i++) dst[i] += gr[i] - MathF.Exp(yr[i]) * sum;
            }
        }, x);
    }

    /// <summary>log(sum(exp(x))) computed stably around the maximum.</summary>
    public static float LogSumExp(ReadOnlySpan<float> x)
    {
        var max = TensorPrimitives.Max(x);
        if (float.IsNegativeInfinity(max)) return max;
        double s = 0;
        foreach (var v in x) s += MathF.Exp(v - max);
        return max + (float)Math.Log(s);
    }
}
