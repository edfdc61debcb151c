using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using RetailRec.Engine.Neural.Tensors;

namespace RetailRec.Engine.Neural.Autodiff;

public static class DropoutOp
{
    /// <summary>Inverted dropout: active only on a training tape; the mask comes from the tape's seeded RNG.</summary>
    public static Var Dropout(this Tape tape, Var x, float p)
    {
        if (!tape.Training || p <= 0) return x;
        if (p >= 1) throw new ArgumentOutOfRangeException(nameof(p));
        var keep = 1f / (1 - p);
        var mask = tape.Scratch(x.Shape);
        for (var i = 0; i < mask.Length; i++) mask.Data[i] = tape.Rng.NextSingle() >= p ? keep : 0f;
        var y = Tensor.Uninitialized(x.Shape);
        TensorPrimitives.Multiply(x.Value.Span, mask.Span, y.Span);
        return tape.Node(y, o =>
        {
            var gx = x.GradBuffer().Span;
            TensorPrimitives.FusedMultiplyAdd(o.Grad!.Span, mask.Span, gx, gx);
        }, x);
    }
}
