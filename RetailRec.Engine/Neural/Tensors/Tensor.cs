using System.Buffers;

namespace RetailRec.Engine.Neural.Tensors;

/// <summary>
/// A float32 tensor: a shape over a row-major buffer rented from <see cref="ArrayPool{T}"/>.
/// The buffer may be longer than <see cref="Length"/>; always slice with <see cref="Span"/>.
/// Training allocates thousands of same-sized temporaries per epoch, so pooling keeps the GC quiet.
/// </summary>
public sealed class Tensor : IDisposable
{
    public float[] Data { get; private set; }
    public int[] Shape { get; }
    public int Length { get; }
    private readonly bool _pooled;

    private Tensor(float[] data, int[] shape, int length, bool pooled)
    {
        Data = data; Shape = shape; Length = length; _pooled = pooled;
    }

    public static int Count(ReadOnlySpan<int> shape)
    {
        long n = 1;
        foreach (var d in shape)
        {
            if (d < 0) throw new ArgumentException("negative dimension");
            n *= d;
        }
        if (n > int.MaxValue) throw new ArgumentException("tensor too large");
        return (int)n;
    }

    /// <summary>A pooled tensor whose contents are undefined (the caller overwrites every element).</summary>
    public static Tensor Uninitialized(params int[] shape)
    {
        var n = Count(shape);
        return new Tensor(n == 0 ? [] : ArrayPool<float>.Shared.Rent(n), (int[])shape.Clone(), n, n > 0);
    }

    public static Tensor Zeros(params int[] shape)
    {
        var t = Uninitialized(shape);
        t.Span.Clear();
        return t;
    }

    /// <summary>Wraps (copies) given values; used by tests and checkpoints.</summary>
    public static Tensor From(ReadOnlySpan<float> values, params int[] shape)
    {
        if (Count(shape) != values.Length) throw new ArgumentException("shape does not match the number of values");
        var t = Uninitialized(shape);
        values.CopyTo(t.Span);
        return t;
    }

    public Span<float> Span => Data.AsSpan(0, Length);
    public int Rank => Shape.Length;
    public int LastDim => Shape.Length == 0 ? 1 : Shape[^1];
    /// <summary>Number of rows when the tensor is viewed as a matrix [everything-but-last, last].</summary>
    public int Rows => LastDim == 0 ? 0 : Length / LastDim;

    public float this[int i] { get => Data[i]; set => Data[i] = value; }

    public Tensor Clone()
    {
        var t = Uninitialized(Shape);
        Span.CopyTo(t.Span);
        return t;
    }

    public bool SameShape(Tensor other) => Shape.AsSpan().SequenceEqual(other.Shape);

    public override string ToString() => $"Tensor[{string.Join(",", Shape)}]";

    public void Dispose()
    {
        if (_pooled && Data.Length > 0) ArrayPool<float>.Shared.Return(Data);
        Data = [];
    }
}
