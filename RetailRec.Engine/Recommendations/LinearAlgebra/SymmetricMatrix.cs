namespace RetailRec.Engine.Recommendations.LinearAlgebra;

/// <summary>A dense n x n matrix stored row-major in one float array (n up to a few thousand: 3.7k items = 55 MB).</summary>
public sealed class DenseMatrix(int n)
{
    public int N { get; } = n;
    public float[] Data { get; } = new float[(long)n * n];

    public float this[int i, int j]
    {
        get => Data[(long)i * N + j];
        set => Data[(long)i * N + j] = value;
    }

    public Span<float> Row(int i) => Data.AsSpan(i * N, N);
}
