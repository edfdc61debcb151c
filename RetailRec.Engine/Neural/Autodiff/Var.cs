using RetailRec.Engine.Neural.Tensors;

namespace RetailRec.Engine.Neural.Autodiff;

/// <summary>A value recorded on a <see cref="Tape"/>, with its gradient once backward has reached it.</summary>
public class Var
{
    internal Var(Tensor value, bool requiresGrad)
    {
        Value = value;
        RequiresGrad = requiresGrad;
    }

    public Tensor Value { get; }
    public Tensor? Grad { get; protected set; }
    public bool RequiresGrad { get; }
    public int[] Shape => Value.Shape;

    /// <summary>Runs after the node's own gradient is complete and pushes it to the inputs.</summary>
    internal Action? BackwardFn { get; set; }

    /// <summary>The gradient buffer, created zeroed on first use so ops can always accumulate into it.</summary>
    public Tensor GradBuffer() => Grad ??= Tensor.Zeros(Value.Shape);

    internal virtual void Release()
    {
        Value.Dispose();
        Grad?.Dispose();
        Grad = null;
    }
}

/// <summary>
/// A trainable weight. Value and gradient live across tapes (one tape per batch); the optimiser zeroes the gradient.
/// </summary>
public sealed class Parameter : Var
{
    public Parameter(string name, Tensor value) : base(value, true)
    {
        Name = name;
        Grad = Tensor.Zeros(value.Shape);
    }

    public string Name { get; }

    public void ZeroGrad() => Grad!.Span.Clear();

    /// <summary>Parameters outlive the tape: nothing is released when a tape is disposed.</summary>
    internal override void Release() { }
}
