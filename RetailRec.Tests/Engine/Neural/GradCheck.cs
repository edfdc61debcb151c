using RetailRec.Engine.Neural.Autodiff;
using RetailRec.Engine.Neural.Tensors;

namespace RetailRec.Tests.Engine.Neural;

/// <summary>
/// Central finite differences against the tape's analytic gradients. Losses are reduced with a fixed random
/// projection (sum of y ⊙ R) so every output element contributes with a distinct weight.
/// </summary>
internal static class GradCheck
{
    public static Parameter Param(string name, int seed, params int[] shape)
    {
        var rng = new Random(seed);
        var t = Tensor.Uninitialized(shape);
        for (var i = 0; i < t.Length; i++) t[i] = (float)(rng.NextDouble() * 2 - 1);
        return new Parameter(name, t);
    }

    /// <summary>Uniform values in ±[0.1, 1]: away from ReLU's kink.</summary>
    public static Parameter AwayFromZero(string name, int seed, params int[] shape)
    {
        var p = Param(name, seed, shape);
        for (var i = 0; i < p.Value.Length; i++) p.Value[i] = MathF.Sign(p.Value[i]) * (0.1f + 0.9f * MathF.Abs(p.Value[i]));
        return p;
    }

    /// <summary>sum(y ⊙ R) with R fixed by the output shape, so the same projection is used at every evaluation.</summary>
    public static Var Project(Tape tape, Var y)
    {
        var rng = new Random(12345);
        var r = Tensor.Uninitialized(y.Shape);
        for (var i = 0; i < r.Length; i++) r[i] = (float)(rng.NextDouble() * 2 - 1);
        return tape.Sum(tape.Mul(y, tape.Constant(r)));
    }

    public static void Check(Func<Tape, Var> loss, params Parameter[] ps) => Check(loss, ps, 2e-2f, 1e-2, 20);

    public static void Check(Func<Tape, Var> loss, Parameter[] ps, float eps, double rtol, int samplesPerParam)
    {
        foreach (var p in ps) p.ZeroGrad();
        using (var tape = new Tape(training: true, seed: 7))
        {
            var l = loss(tape);
            tape.Backward(l);
        }
        var rng = new Random(3);
        foreach (var p in ps)
        {
            var analytic = p.Grad!.Span.ToArray();
            Assert.True(analytic.All(float.IsFinite), $"{p.Name}: non-finite gradient");
            Assert.True(analytic.Max(MathF.Abs) > 1e-3, $"{p.Name}: gradient is all zero, the check would be vacuous");
            var idx = p.Value.Length <= samplesPerParam
                ? Enumerable.Range(0, p.Value.Length)
                : Enumerable.Range(0, samplesPerParam).Select(_ => rng.Next(p.Value.Length));
            foreach (var i in idx)
            {
                // Richardson extrapolation of two central differences cancels the O(eps^2) curvature term, so a step
                // large enough to stay above float32 rounding noise can be used.
                var numeric = (4 * Central(loss, p, i, eps / 2) - Central(loss, p, i, eps)) / 3;
                var err = Math.Abs(numeric - analytic[i]);
                var bound = rtol * Math.Max(Math.Abs(numeric), Math.Abs(analytic[i])) + 2e-3;
                Assert.True(err <= bound, $"{p.Name}[{i}]: analytic {analytic[i]:G6} vs numeric {numeric:G6}");
            }
        }
    }

    private static double Central(Func<Tape, Var> loss, Parameter p, int i, float eps)
    {
        var orig = p.Value[i];
        p.Value[i] = orig + eps; var up = Eval(loss);
        p.Value[i] = orig - eps; var down = Eval(loss);
        p.Value[i] = orig;
        return (up - down) / (2 * (double)eps);
    }

    private static double Eval(Func<Tape, Var> loss)
    {
        using var tape = new Tape(training: true, seed: 7);
        return loss(tape).Value[0];
    }
}
