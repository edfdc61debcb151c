using System.Runtime.CompilerServices;
using RetailRec.Engine.Neural.Autodiff;

namespace RetailRec.Engine.Neural.Optim;

/// <summary>
/// AdamW (decoupled weight decay, Loshchilov and Hutter). Moments are float arrays per
/// parameter; updates run parameter by parameter in a fixed order, so training is reproducible.
/// Parameters whose name is in <paramref name="noDecay"/> (biases, layer-norm gains) are not decayed.
/// </summary>
public sealed class AdamW(IReadOnlyList<Parameter> parameters, float beta1 = 0.9f, float beta2 = 0.999f, float eps = 1e-8f,
    float weightDecay = 0.01f, Func<Parameter, bool>? noDecay = null)
{
    private readonly float[][] _m = parameters.Select(p => new float[p.Value.Length]).ToArray();
    private readonly float[][] _v = parameters.Select(p => new float[p.Value.Length]).ToArray();
    private int _t;

    public int Steps => _t;

    public void ZeroGrad()
    {
        foreach (var p in parameters) p.ZeroGrad();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Step(float lr)
    {
        _t++;
        var c1 = 1 - MathF.Pow(beta1, _t);
        var c2 = 1 - MathF.Pow(beta2, _t);
        for (var k = 0; k < parameters.Count; k++)
        {
            var p = parameters[k];
            var w = p.Value.Span; var g = p.Grad!.Span; var m = _m[k]; var v = _v[k];
            var decay = noDecay?.Invoke(p) == true ? 0f : weightDecay;
            for (var i = 0; i < w.Length; i++)
            {
                m[i] = beta1 * m[i] + (1 - beta1) * g[i];
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
                var mHat = m[i] / c1;
                var vHat = v[i] / c2;
                w[i] -= lr * (mHat / (MathF.Sqrt(vHat) + eps) + decay * w[i]);
            }
        }
    }
}
