using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using RetailRec.Engine.Neural.Tensors;

namespace RetailRec.Engine.Neural.Autodiff;

public static class ActivationOps
{
    public static Var Relu(this Tape tape, Var x)
    {
        var y = Tensor.Uninitialized(x.Shape);
        TensorPrimitives.Max(x.Value.Span, 0f, y.Span);
        return tape.Node(y, o =>
        {
            var g = o.Grad!.Span; var gx = x.GradBuffer().Span; var xv = x.Value.Span;
            for (var i = 0; i < g.Length; i++) if (xv[i] > 0) gx[i] += g[i];
        }, x);
    }

    public static Var Tanh(this Tape tape, Var x)
    {
        var y = Tensor.Uninitialized(x.Shape);
        TensorPrimitives.Tanh(x.Value.Span, y.Span);
        return tape.Node(y, o =>
        {
            var g = o.Grad!.Span; var gx = x.GradBuffer().Span; var yv = o.Value.Span;
            for (var i = 0; i < g.Length; i++) gx[i] += g[i] * (1 - yv[i] * yv[i]);
        }, x);
    }

    public static Var Sigmoid(this Tape tape, Var x)
    {
        var y = Tensor.Uninitialized(x.Shape);
        TensorPrimitives.Sigmoid(x.Value.Span, y.Span);
        return tape.Node(y, o =>
        {
            var g = o.Grad!.Span; var gx = x.GradBuffer().Span; var yv = o.Value.Span;
            for (var i = 0; i < g.Length; i++) gx[i] += g[i] * yv[i] * (1 - yv[i]);
        }, x);
    }

    private const float GeluC = 0.7978845608f; // sqrt(2/pi)
    private const float GeluA = 0.044715f;

    /// <summary>GELU, tanh approximation (as in BERT/SASRec implementations).</summary>
    public static Var Gelu(this Tape tape, Var x)
    {
        var n = x.Value.Length;
        var y = Tensor.Uninitialized(x.Shape);
        var t = tape.Scratch(x.Shape); // tanh(inner), reused by backward
        var xv = x.Value.Span;
        for (var i = 0; i < n; i++) t.Data[i] = GeluC * (xv[i] + GeluA * xv[i] * xv[i] * xv[i]);
        TensorPrimitives.Tanh(t.Span, t.Span);
        for (var i = 0; i < n; i++) y.Data[i] = 0.5f * xv[i] * (1 + t.Data[i]);
        return tape.Node(y, o =>
        {
            var g = o.Grad!.Span; var gx = x.GradBuffer().Span; var xs = x.Value.Span;
            for (var i = 0; i < n; i++)
            {
                var th = t.Data[i];
                var dInner = GeluC * (1 + 3 * GeluA * xs[i] * xs[i]);
                gx[i] += g[i] * (0.5f * (1 + th) + 0.5f * xs[i] * (1 - th * th) * dInner);
            }
        }, x);
    }
}
