using System.Runtime.CompilerServices;
using RetailRec.Engine.Neural.Kernels;
using RetailRec.Engine.Neural.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace RetailRec.Engine.Neural.Autodiff;

public static class GruOp
{
    /// <summary>
    /// A GRU cell unrolled over T steps (PyTorch gate convention, gates ordered r, z, n):
    /// r = σ(x_r + h W_r + b_r), z = σ(x_z + h W_z + b_z), n = tanh(x_n + r ⊙ (h W_n + b_n)), h' = (1 - z) ⊙ n + z ⊙ h.
    /// <paramref name="xProj"/> [B, T, 3H] is the input projection x W_ih + b_ih for all steps (one big GEMM outside),
    /// so only the recurrent product runs per step. h0 = 0; where <paramref name="valid"/>[b*T + t] is false (padding)
    /// the state is carried unchanged. Backward is backpropagation through time inside the op.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Var GruRecurrence(this Tape tape, Var xProj, Var whh, Var bhh, bool[] valid)
    {
        int b = xProj.Shape[0], t = xProj.Shape[1], g3 = xProj.Shape[2], h = g3 / 3;
        if (g3 != 3 * h || whh.Shape[0] != h || whh.Shape[1] != g3 || bhh.Value.Length != g3) throw new ArgumentException("GRU shapes do not match");
        if (valid.Length != b * t) throw new ArgumentException("valid mask must have B*T entries");
        var y = Tensor.Uninitialized(b, t, h);
        // Saved per step: previous state, gates r, z, n and the recurrent n-part (h W_n + b_n).
        var hPrev = tape.Scratch(t, b, h); var rs = tape.Scratch(t, b, h); var zs = tape.Scratch(t, b, h);
        var ns = tape.Scratch(t, b, h); var hns = tape.Scratch(t, b, h);
        var state = new float[b * h];
        var gh = new float[b * g3];
        for (var step = 0; step < t; step++)
        {
            state.CopyTo(hPrev.Span.Slice(step * b * h, b * h));
            for (var s = 0; s < b; s++) bhh.Value.Span.CopyTo(gh.AsSpan(s * g3, g3));
            Gemm.Sgemm(false, false, b, g3, h, state, whh.Value.Span, gh, beta: 1);
            for (var s = 0; s < b; s++)
            {
                var x = xProj.Value.Span.Slice((s * t + step) * g3, g3);
                var ghs = gh.AsSpan(s * g3, g3);
                var o = step * b * h + s * h;
                var r = rs.Span.Slice(o, h); var z = zs.Span.Slice(o, h); var n = ns.Span.Slice(o, h); var hn = hns.Span.Slice(o, h);
                TensorPrimitives.Add(x[..h], ghs[..h], r); TensorPrimitives.Sigmoid(r, r);
                TensorPrimitives.Add(x.Slice(h, h), ghs.Slice(h, h), z); TensorPrimitives.Sigmoid(z, z);
                ghs.Slice(2 * h, h).CopyTo(hn);
                TensorPrimitives.FusedMultiplyAdd(r, hn, x.Slice(2 * h, h), n); TensorPrimitives.Tanh(n, n);
                var st = state.AsSpan(s * h, h);
                if (valid[s * t + step])
                    for (var i = 0; i < h; i++) st[i] = (1 - z[i]) * n[i] + z[i] * st[i];
                st.CopyTo(y.Span.Slice((s * t + step) * h, h));
            }
        }

        return tape.Node(y, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (o) =>
        {
            var gy = o.Grad!.Span;
            var gx = xProj.GradBuffer().Span;
            var gw = whh.GradBuffer().Span;
            var gbias = bhh.GradBuffer().Span;
            var dh = new float[b * h];      // gradient flowing into h_t from later steps
            var dgh = new float[b * g3];    // gradient of the recurrent pre-activations at this step
            var dhPrev = new float[b * h];
            for (var step = t - 1; step >= 0; step--)
            {
                for (var s = 0; s < b; s++)
                {
                    var d = dh.AsSpan(s * h, h);
                    TensorPrimitives.Add(d, gy.Slice((s * t + step) * h, h), d);
                    var dg = dgh.AsSpan(s * g3, g3);
                    if (!valid[s * t + step]) { dg.Clear(); continue; } // state carried: dh passes through unchanged
                    var off = step * b * h + s * h;
                    var r = rs.Span.Slice(off, h); var z = zs.Span.Slice(off, h); var n = ns.Span.Slice(off, h);
                    var hn = hns.Span.Slice(off, h); var hp = hPrev.Span.Slice(off, h);
                    var dx = gx.Slice((s * t + step) * g3, g3);
                    for (var i = 0; i < h; i++)
                    {
                        var dn = d[i] * (1 - z[i]) * (1 - n[i] * n[i]);
                        var dz = d[i] * (hp[i] - n[i]) * z[i] * (1 - z[i]);
                        var dr = dn * hn[i] * r[i] * (1 - r[i]);
                        dx[i] += dr; dx[h + i] += dz; dx[2 * h + i] += dn;
                        dg[i] = dr; dg[h + i] = dz; dg[2 * h + i] = dn * r[i];
                        d[i] *= z[i]; // the direct path h -> h'
                    }
                }
                // Weight and bias gradients (in step order: deterministic), then the recurrent path to h_{t-1}.
                Gemm.Sgemm(true, false, h, g3, b, hPrev.Span.Slice(step * b * h, b * h), dgh, gw, beta: 1);
                for (var s = 0; s < b; s++) TensorPrimitives.Add(gbias, dgh.AsSpan(s * g3, g3), gbias);
                Gemm.Sgemm(false, true, b, h, g3, dgh, whh.Value.Span, dhPrev);
                TensorPrimitives.Add(dh, dhPrev, dh);
            }
        }, xProj, whh, bhh);
    }
}
