using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using RetailRec.Engine.Neural.Tensors;

namespace RetailRec.Engine.Neural.Autodiff;

/// <summary>Add and multiply with broadcasting, scalar scaling and reductions to a scalar.</summary>
public static class ElementwiseOps
{
    public static Var Add(this Tape tape, Var a, Var b) => Binary(tape, a, b, multiply: false);

    public static Var Mul(this Tape tape, Var a, Var b) => Binary(tape, a, b, multiply: true);

    private static Var Binary(Tape tape, Var a, Var b, bool multiply)
    {
        // Make the larger operand 'a' so the bias-like fast path (b's shape is a suffix of a's) applies either way round.
        if (a.Value.Length < b.Value.Length) (a, b) = (b, a);
        Tensor av = a.Value, bv = b.Value;
        if (Broadcast.IsSuffix(av.Shape, bv.Shape))
        {
            var y = Tensor.Uninitialized(av.Shape);
            var w = bv.Length;
            for (var r = 0; r < av.Length / Math.Max(1, w); r++)
            {
                var src = av.Span.Slice(r * w, w);
                var dst = y.Span.Slice(r * w, w);
                if (multiply) TensorPrimitives.Multiply(src, bv.Span, dst); else TensorPrimitives.Add(src, bv.Span, dst);
            }
            return tape.Node(y, o =>
            {
                var g = o.Grad!.Span;
                if (a.RequiresGrad)
                {
                    var ga = a.GradBuffer().Span;
                    if (!multiply) TensorPrimitives.Add(ga, g, ga);
                    else for (var r = 0; r < g.Length / w; r++) TensorPrimitives.FusedMultiplyAdd(g.Slice(r * w, w), bv.Span, ga.Slice(r * w, w), ga.Slice(r * w, w));
                }
                if (b.RequiresGrad)
                {
                    var gb = b.GradBuffer().Span;
                    // Rows are summed in order: deterministic.
                    for (var r = 0; r < g.Length / w; r++)
                    {
                        if (!multiply) TensorPrimitives.Add(gb, g.Slice(r * w, w), gb);
                        else TensorPrimitives.FusedMultiplyAdd(g.Slice(r * w, w), av.Span.Slice(r * w, w), gb, gb);
                    }
                }
            }, a, b);
        }

        var bc = new Broadcast(av.Shape, bv.Shape);
        var outT = Tensor.Uninitialized(bc.OutShape);
        bc.ForEach((o, ia, ib) => outT.Data[o] = multiply ? av.Data[ia] * bv.Data[ib] : av.Data[ia] + bv.Data[ib]);
        return tape.Node(outT, o =>
        {
            var g = o.Grad!.Data;
            var ga = a.RequiresGrad ? a.GradBuffer().Data : null;
            var gb = b.RequiresGrad ? b.GradBuffer().Data : null;
            bc.ForEach((io, ia, ib) =>
            {
                if (ga is not null) ga[ia] += multiply ? g[io] * bv.Data[ib] : g[io];
                if (gb is not null) gb[ib] += multiply ? g[io] * av.Data[ia] : g[io];
            });
        }, a, b);
    }

    public static Var Scale(this Tape tape, Var a, float s)
    {
        var y = Tensor.Uninitialized(a.Shape);
        TensorPrimitives.Multiply(a.Value.Span, s, y.Span);
        return tape.Node(y, o =>
        {
            var ga = a.GradBuffer().Span;
            TensorPrimitives.MultiplyAdd(o.Grad!.Span, s, ga, ga);
        }, a);
    }

    /// <summary>Sum of all elements, accumulated in double so large tensors do not lose precision.</summary>
    public static Var Sum(this Tape tape, Var a)
    {
        double s = 0;
        foreach (var v in a.Value.Span) s += v;
        var y = Tensor.From([(float)s], 1);
        return tape.Node(y, o =>
        {
            var ga = a.GradBuffer().Span;
            TensorPrimitives.Add(ga, o.Grad![0], ga);
        }, a);
    }

    public static Var Mean(this Tape tape, Var a) => tape.Scale(tape.Sum(a), 1f / Math.Max(1, a.Value.Length));

    /// <summary>A copy with a new shape of the same size.</summary>
    public static Var Reshape(this Tape tape, Var a, params int[] shape)
    {
        if (Tensor.Count(shape) != a.Value.Length) throw new ArgumentException("reshape must keep the element count");
        var y = Tensor.Uninitialized(shape);
        a.Value.Span.CopyTo(y.Span);
        return tape.Node(y, o =>
        {
            var ga = a.GradBuffer().Span;
            TensorPrimitives.Add(ga, o.Grad!.Span, ga);
        }, a);
    }

    /// <summary>Mean squared error against a constant target (the autoencoder's loss).</summary>
    public static Var MseLoss(this Tape tape, Var pred, Tensor target)
    {
        if (!pred.Value.SameShape(target)) throw new ArgumentException("prediction and target shapes differ");
        var n = pred.Value.Length;
        var diff = tape.Scratch(pred.Shape);
        TensorPrimitives.Subtract(pred.Value.Span, target.Span, diff.Span);
        double s = 0;
        foreach (var d in diff.Span) s += (double)d * d;
        var y = Tensor.From([(float)(s / n)], 1);
        return tape.Node(y, o =>
        {
            var gp = pred.GradBuffer().Span;
            TensorPrimitives.MultiplyAdd(diff.Span, 2f * o.Grad![0] / n, gp, gp);
        }, pred);
    }
}
