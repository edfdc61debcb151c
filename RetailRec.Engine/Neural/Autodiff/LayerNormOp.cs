using System.Runtime.CompilerServices;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using RetailRec.Engine.Neural.Tensors;

namespace RetailRec.Engine.Neural.Autodiff;

public static class LayerNormOp
{
    /// <summary>y = (x - mean) / sqrt(var + eps) * gamma + beta over the last dimension.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Var LayerNorm(this Tape tape, Var x, Var gamma, Var beta, float eps = 1e-5f)
    {
        var w = x.Value.LastDim;
        var rows = x.Value.Rows;
        if (gamma.Value.Length != w || beta.Value.Length != w) throw new ArgumentException("gamma/beta must match the last dimension");
        var y = Tensor.Uninitialized(x.Shape);
        var xhat = tape.Scratch(x.Shape);
        var rstd = tape.Scratch(rows);
        for (var r = 0; r < rows; r++)
        {
            var xr = x.Value.Span.Slice(r * w, w);
            var mean = TensorPrimitives.Sum(xr) / w;
            var hr = xhat.Span.Slice(r * w, w);
            TensorPrimitives.Subtract(xr, mean, hr);
            var variance = TensorPrimitives.Dot(hr, hr) / w;
            var rs = 1f / MathF.Sqrt(variance + eps);
            rstd[r] = rs;
            TensorPrimitives.Multiply(hr, rs, hr);
            var yr = y.Span.Slice(r * w, w);
            TensorPrimitives.FusedMultiplyAdd(hr, gamma.Value.Span, beta.Value.Span, yr);
        }
        return tape.Node(y, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (o) =>
        {
            var g = o.Grad!.Span;
            var gx = x.RequiresGrad ? x.GradBuffer().Span : default;
            var gg = gamma.RequiresGrad ? gamma.GradBuffer().Span : default;
            var gb = beta.RequiresGrad ? beta.GradBuffer().Span : default;
            Span<float> dxhat = w <= 1024 ? stackalloc float[w] : new float[w];
            for (var r = 0; r < rows; r++)
            {
                var gr = g.Slice(r * w, w);
                var hr = xhat.Span.Slice(r * w, w);
                if (gamma.RequiresGrad) TensorPrimitives.FusedMultiplyAdd(gr, hr, gg, gg);
                if (beta.RequiresGrad) TensorPrimitives.Add(gb, gr, gb);
                if (!x.RequiresGrad) continue;
                // dx = rstd * (dxhat - mean(dxhat) - xhat * mean(dxhat * xhat))
                TensorPrimitives.Multiply(gr, gamma.Value.Span, dxhat);
                var m1 = TensorPrimitives.Sum(dxhat) / w;
                var m2 = TensorPrimitives.Dot(dxhat, hr) / w;
                var dst = gx.Slice(r * w, w);
                var rs = rstd[r];
                for (var i = 0; i < w; i++) dst[i] += rs * (dxhat[i] - m1 - hr[i] * m2);
            }
        }, x, gamma, beta);
    }
}
