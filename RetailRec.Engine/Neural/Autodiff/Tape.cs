using RetailRec.Engine.Neural.Tensors;

namespace RetailRec.Engine.Neural.Autodiff;

/// <summary>
/// Records one forward pass (one batch) in creation order; <see cref="Backward"/> walks it in reverse, which is a
/// valid topological order because every node is created after its inputs. Disposing the tape returns every
/// intermediate buffer to the pool. <see cref="Training"/> switches dropout on; the seeded <see cref="Rng"/>
/// makes the dropout masks reproducible.
/// </summary>
public sealed class Tape(bool training = false, int seed = 0) : IDisposable
{
    private readonly List<Var> _nodes = [];
    private readonly List<Tensor> _scratch = [];

    public bool Training { get; } = training;
    public Random Rng { get; } = new(seed);

    /// <summary>A non-trainable input; the tape takes ownership of the tensor.</summary>
    public Var Constant(Tensor value) => Track(new Var(value, false));

    /// <summary>Records an op result; it needs a gradient when any input does.</summary>
    internal Var Node(Tensor value, Action<Var>? backward, params Var[] inputs)
    {
        var requires = false;
        foreach (var i in inputs) requires |= i.RequiresGrad;
        var v = Track(new Var(value, requires));
        if (requires && backward is not null) v.BackwardFn = () => backward(v);
        return v;
    }

    /// <summary>A buffer an op keeps for its backward pass; released with the tape.</summary>
    internal Tensor Scratch(params int[] shape)
    {
        var t = Tensor.Uninitialized(shape);
        _scratch.Add(t);
        return t;
    }

    private Var Track(Var v)
    {
        _nodes.Add(v);
        return v;
    }

    /// <summary>Backpropagates from a scalar (seed gradient 1).</summary>
    public void Backward(Var loss)
    {
        if (loss.Value.Length != 1) throw new ArgumentException("backward needs a scalar loss");
        loss.GradBuffer()[0] = 1f;
        for (var i = _nodes.Count - 1; i >= 0; i--)
        {
            var n = _nodes[i];
            if (n.Grad is not null) n.BackwardFn?.Invoke();
        }
    }

    public void Dispose()
    {
        foreach (var n in _nodes) n.Release();
        foreach (var s in _scratch) s.Dispose();
        _nodes.Clear();
        _scratch.Clear();
    }
}
