namespace RetailRec.Engine.Neural.Autodiff;

/// <summary>
/// NumPy-style broadcasting of two shapes (trailing dimensions aligned, size-1 dimensions stretched) and the
/// flat-index mapping from an output element back to each operand.
/// </summary>
internal sealed class Broadcast
{
    public int[] OutShape { get; }
    public int Length { get; }
    private readonly int[] _strideA, _strideB;

    public Broadcast(int[] a, int[] b)
    {
        var rank = Math.Max(a.Length, b.Length);
        OutShape = new int[rank];
        _strideA = new int[rank];
        _strideB = new int[rank];
        int sa = 1, sb = 1;
        for (var d = rank - 1; d >= 0; d--)
        {
            var da = d - (rank - a.Length) >= 0 ? a[d - (rank - a.Length)] : 1;
            var db = d - (rank - b.Length) >= 0 ? b[d - (rank - b.Length)] : 1;
            if (da != db && da != 1 && db != 1) throw new ArgumentException($"shapes [{string.Join(",", a)}] and [{string.Join(",", b)}] do not broadcast");
            OutShape[d] = Math.Max(da, db);
            _strideA[d] = da == 1 ? 0 : sa;
            _strideB[d] = db == 1 ? 0 : sb;
            sa *= da; sb *= db;
        }
        Length = Tensors.Tensor.Count(OutShape);
    }

    /// <summary>Calls <paramref name="body"/>(outIndex, aIndex, bIndex) for every output element in order.</summary>
    public void ForEach(Action<int, int, int> body)
    {
        var rank = OutShape.Length;
        var counter = new int[rank];
        int ia = 0, ib = 0;
        for (var o = 0; o < Length; o++)
        {
            body(o, ia, ib);
            for (var d = rank - 1; d >= 0; d--)
            {
                counter[d]++;
                ia += _strideA[d]; ib += _strideB[d];
                if (counter[d] < OutShape[d]) break;
                ia -= _strideA[d] * OutShape[d]; ib -= _strideB[d] * OutShape[d];
                counter[d] = 0;
            }
        }
    }

    /// <summary>True when b's shape is a suffix of a's (a bias or per-feature scale): a fast row-wise path applies.</summary>
    public static bool IsSuffix(int[] a, int[] b) =>
        b.Length <= a.Length && a.AsSpan(a.Length - b.Length).SequenceEqual(b);
}
