using System.Runtime.CompilerServices;
using RetailRec.Engine.Neural.Kernels;
using RetailRec.Engine.Neural.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace RetailRec.Engine.Neural.Autodiff;

public static class AttentionOp
{
    /// <summary>
    /// Causal multi-head scaled dot-product attention over already projected q, k, v [B, L, H] (H = heads * dk).
    /// Query i attends to keys j &lt;= i whose <paramref name="valid"/>[b*L + j] is true (padding is masked out).
    /// A query with no visible key (a left-padding position) outputs zeros. Heads are column slices of H, so no
    /// permute is needed; each (sequence, head) pair is independent and runs in parallel with disjoint writes,
    /// which keeps forward and backward deterministic.
    /// </summary>
    public static Var CausalSelfAttention(this Tape tape, Var q, Var k, Var v, int heads, bool[] valid)
    {
        if (q.Value.Rank != 3 || !q.Value.SameShape(k.Value) || !q.Value.SameShape(v.Value)) throw new ArgumentException("q, k, v must all be [B, L, H]");
        int b = q.Shape[0], l = q.Shape[1], h = q.Shape[2];
        if (h % heads != 0) throw new ArgumentException("hidden size must divide into heads");
        if (valid.Length != b * l) throw new ArgumentException("valid mask must have B*L entries");
        var dk = h / heads;
        var scale = 1f / MathF.Sqrt(dk);
        var probs = tape.Scratch(b, heads, l, l); // row i holds P[i, 0..i]; the rest is zero
        var y = Tensor.Zeros(b, l, h);

        Run(b * heads, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (pair) =>
        {
            int s = pair / heads, hd = pair % heads;
            var qs = q.Value.Span; var ks = k.Value.Span; var vs = v.Value.Span; var ys = y.Span;
            for (var i = 0; i < l; i++)
            {
                var p = probs.Span.Slice(((s * heads + hd) * l + i) * l, l);
                p.Clear();
                var qi = qs.Slice((s * l + i) * h + hd * dk, dk);
                var max = float.NegativeInfinity;
                for (var j = 0; j <= i; j++)
                {
                    if (!valid[s * l + j]) continue;
                    p[j] = TensorPrimitives.Dot(qi, ks.Slice((s * l + j) * h + hd * dk, dk)) * scale;
                    max = MathF.Max(max, p[j]);
                }
                if (float.IsNegativeInfinity(max)) continue; // nothing visible: zero output, zero probabilities
                var sum = 0f;
                for (var j = 0; j <= i; j++)
                {
                    if (!valid[s * l + j]) continue;
                    p[j] = MathF.Exp(p[j] - max);
                    sum += p[j];
                }
                var yi = ys.Slice((s * l + i) * h + hd * dk, dk);
                for (var j = 0; j <= i; j++)
                {
                    if (p[j] == 0) continue;
                    p[j] /= sum;
                    TensorPrimitives.MultiplyAdd(vs.Slice((s * l + j) * h + hd * dk, dk), p[j], yi, yi);
                }
            }
        });

        return tape.Node(y, o =>
        {
            var gq = q.GradBuffer(); var gk = k.GradBuffer(); var gv = v.GradBuffer();
            Run(b * heads, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (pair) =>
            {
                int s = pair / heads, hd = pair % heads;
                var qs = q.Value.Span; var ks = k.Value.Span; var vs = v.Value.Span; var go = o.Grad!.Span;
                Span<float> dp = stackalloc float[l];
                for (var i = 0; i < l; i++)
                {
                    var p = probs.Span.Slice(((s * heads + hd) * l + i) * l, l);
                    var gi = go.Slice((s * l + i) * h + hd * dk, dk);
                    // dP_ij = dO_i . v_j ; dV_j += P_ij dO_i ; dS_ij = P_ij (dP_ij - sum_j P_ij dP_ij)
                    var rowDot = 0f;
                    for (var j = 0; j <= i; j++)
                    {
                        if (p[j] == 0) { dp[j] = 0; continue; }
                        var vj = s * l + j;
                        dp[j] = TensorPrimitives.Dot(gi, vs.Slice(vj * h + hd * dk, dk));
                        rowDot += p[j] * dp[j];
                        var gvj = gv.Span.Slice(vj * h + hd * dk, dk);
                        TensorPrimitives.MultiplyAdd(gi, p[j], gvj, gvj);
                    }
                    var qi = qs.Slice((s * l + i) * h + hd * dk, dk);
                    var gqi = gq.Span.Slice((s * l + i) * h + hd * dk, dk);
                    for (var j = 0; j <= i; j++)
                    {
                        if (p[j] == 0) continue;
                        var ds = p[j] * (dp[j] - rowDot) * scale;
                        var kj = (s * l + j) * h + hd * dk;
                        TensorPrimitives.MultiplyAdd(ks.Slice(kj, dk), ds, gqi, gqi);
                        var gkj = gk.Span.Slice(kj, dk);
                        TensorPrimitives.MultiplyAdd(qi, ds, gkj, gkj);
                    }
                }
            });
        }, q, k, v);
    }

    private static void Run(int count, Action<int> body)
    {
        if (Gemm.Threads <= 1 || count == 1) { for (var i = 0; i < count; i++) body(i); return; }
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Gemm.Threads }, body);
    }
}
