using RetailRec.Engine.Neural.Autodiff;
using RetailRec.Engine.Neural.Tensors;

namespace RetailRec.Engine.Neural.Models;

/// <summary>Seeded parameter initialisers; networks create parameters in a fixed order so a seed fixes all weights.</summary>
public sealed class ParameterInit(int seed)
{
    private readonly Random _rng = new(seed);
    public List<Parameter> Created { get; } = [];

    public Parameter Normal(string name, float std, params int[] shape)
    {
        var t = Tensor.Uninitialized(shape);
        for (var i = 0; i < t.Length; i++)
        {
            // Box-Muller; truncated at 2 std like common transformer initialisations.
            double g;
            do g = Math.Sqrt(-2 * Math.Log(1 - _rng.NextDouble())) * Math.Cos(2 * Math.PI * _rng.NextDouble());
            while (Math.Abs(g) > 2);
            t[i] = (float)(g * std);
        }
        return Add(new Parameter(name, t));
    }

    /// <summary>Glorot/Xavier uniform for a [fanIn, fanOut] weight.</summary>
    public Parameter Xavier(string name, int fanIn, int fanOut)
    {
        var t = Tensor.Uninitialized(fanIn, fanOut);
        var a = MathF.Sqrt(6f / (fanIn + fanOut));
        for (var i = 0; i < t.Length; i++) t[i] = (float)(_rng.NextDouble() * 2 - 1) * a;
        return Add(new Parameter(name, t));
    }

    public Parameter Constant(string name, float value, params int[] shape)
    {
        var t = Tensor.Uninitialized(shape);
        t.Span.Fill(value);
        return Add(new Parameter(name, t));
    }

    private Parameter Add(Parameter p)
    {
        Created.Add(p);
        return p;
    }
}
