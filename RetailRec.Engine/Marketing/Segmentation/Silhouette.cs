namespace RetailRec.Engine.Marketing.Segmentation;

/// <summary>
/// Mean silhouette s(i) = (b - a) / max(a, b) with Euclidean distances; a point alone in its cluster scores 0
/// (the usual convention). Exact cost is O(n^2 d); callers pass a <see cref="PairwiseDistances"/> to reuse it across k.
/// </summary>
public static class Silhouette
{
    public static double Mean(PairwiseDistances distances, IReadOnlyList<int> labels, int k)
    {
        var n = distances.Count;
        if (n < 2 || k < 2) return 0;
        var sizes = new int[k];
        foreach (var l in labels) sizes[l]++;
        var sums = new double[k];
        double total = 0;
        for (var i = 0; i < n; i++)
        {
            Array.Clear(sums);
            var row = distances.Row(i);
            for (var j = 0; j < n; j++) sums[labels[j]] += row[j];
            var own = labels[i];
            if (sizes[own] <= 1) continue;
            var a = sums[own] / (sizes[own] - 1);
            var b = double.MaxValue;
            for (var c = 0; c < k; c++)
                if (c != own && sizes[c] > 0) b = Math.Min(b, sums[c] / sizes[c]);
            if (b == double.MaxValue) continue;
            var m = Math.Max(a, b);
            total += m > 0 ? (b - a) / m : 0;
        }
        return total / n;
    }
}

/// <summary>A full symmetric Euclidean distance matrix in float (n = 4.4k takes about 77 MB).</summary>
public sealed class PairwiseDistances
{
    private readonly float[] _d;

    public PairwiseDistances(FeatureMatrix x)
    {
        Count = x.Rows;
        _d = new float[(long)Count * Count];
        var n = Count;
        Parallel.For(0, n, i =>
        {
            var ri = x.Row(i);
            for (var j = i + 1; j < n; j++)
            {
                var v = (float)Math.Sqrt(FeatureMatrix.SquaredDistance(ri, x.Row(j)));
                _d[(long)i * n + j] = v;
                _d[(long)j * n + i] = v;
            }
        });
    }

    public int Count { get; }
    public ReadOnlySpan<float> Row(int i) => _d.AsSpan((int)((long)i * Count), Count);
}
