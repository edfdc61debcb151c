using RetailRec.Engine.Neural.Autodiff;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace RetailRec.Engine.Neural.Optim;

public static class GradientClipping
{
    /// <summary>
    /// Scales all gradients so their global L2 norm is at most <paramref name="maxNorm"/>; returns the norm before
    /// clipping. The sum of squares runs sequentially over parameters (no parallel reduction), so it is deterministic.
    /// </summary>
    public static double ClipGlobalNorm(IReadOnlyList<Parameter> parameters, double maxNorm)
    {
        double sq = 0;
        foreach (var p in parameters)
        {
            var g = p.Grad!.Span;
            sq += TensorPrimitives.Dot(g, g);
        }
        var norm = Math.Sqrt(sq);
        if (norm > maxNorm && norm > 0)
        {
            var s = (float)(maxNorm / norm);
            foreach (var p in parameters) TensorPrimitives.Multiply(p.Grad!.Span, s, p.Grad!.Span);
        }
        return norm;
    }
}
