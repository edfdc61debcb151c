namespace RetailRec.Engine.Marketing.Segmentation;

/// <summary>DBSCAN settings; a null <see cref="Eps"/> means "take the knee of the sorted k-distance curve".</summary>
public sealed record DbscanOptions(double? Eps = null, int? MinPoints = null);

/// <summary>
/// Labels (-1 = noise/outlier, else 0-based cluster), the parameters actually used, and the sorted k-distance curve
/// the default eps was read from (for the UI's knee plot).
/// </summary>
public sealed record DbscanResult(double Eps, int MinPoints, bool EpsFromKnee, int[] Labels, int ClusterCount, int NoiseCount,
    IReadOnlyList<double> KDistanceCurve)
{
    public bool IsOutlier(int row) => Labels[row] < 0;
}

/// <summary>
/// Density-based outlier flagging. MinPoints counts the point itself (a point is core when at least MinPoints points,
/// itself included, lie within eps); its default is 2 x dimensions (at least 3). The k-distance of a point is the
/// distance to its (MinPoints - 1)-th nearest other point, so the knee separates core-like points from sparse ones.
/// Cost is O(n^2 d) without an index - fine for thousands of customers.
/// </summary>
public static class Dbscan
{
    public static DbscanResult Run(FeatureMatrix x, DbscanOptions? options = null, CancellationToken ct = default)
    {
        options ??= new DbscanOptions();
        var n = x.Rows;
        var minPts = Math.Max(2, options.MinPoints ?? Math.Max(3, 2 * x.Cols));
        var curve = KDistances(x, Math.Min(minPts - 1, Math.Max(1, n - 1)), ct);
        var fromKnee = options.Eps is null;
        var eps = options.Eps ?? (curve.Length == 0 ? 0 : curve[KneeFinder.KneeIndex(curve)]);
        var eps2 = eps * eps;

        var labels = new int[n];
        Array.Fill(labels, -2); // -2 = unvisited
        var cluster = 0;
        var neighbours = new List<int>();
        var queue = new Queue<int>();
        for (var p = 0; p < n; p++)
        {
            if (labels[p] != -2) continue;
            ct.ThrowIfCancellationRequested();
            RegionQuery(x, p, eps2, neighbours);
            if (neighbours.Count < minPts) { labels[p] = -1; continue; }
            labels[p] = cluster;
            foreach (var q in neighbours) queue.Enqueue(q);
            while (queue.Count > 0)
            {
                var q = queue.Dequeue();
                if (labels[q] == -1) labels[q] = cluster; // border point reached from a core point
                if (labels[q] != -2) continue;
                labels[q] = cluster;
                RegionQuery(x, q, eps2, neighbours);
                if (neighbours.Count >= minPts) foreach (var r in neighbours) if (labels[r] < 0) queue.Enqueue(r);
            }
            cluster++;
        }
        return new DbscanResult(eps, minPts, fromKnee, labels, cluster, labels.Count(l => l < 0), curve);
    }

    private static void RegionQuery(FeatureMatrix x, int p, double eps2, List<int> result)
    {
        result.Clear();
        var row = x.Row(p);
        for (var i = 0; i < x.Rows; i++)
            if (FeatureMatrix.SquaredDistance(row, x.Row(i)) <= eps2) result.Add(i);
    }

    /// <summary>Sorted ascending distances of every point to its k-th nearest other point.</summary>
    public static double[] KDistances(FeatureMatrix x, int k, CancellationToken ct = default)
    {
        var n = x.Rows;
        var result = new double[n];
        if (n < 2) return [];
        k = Math.Clamp(k, 1, n - 1);
        Parallel.For(0, n, new ParallelOptions { CancellationToken = ct }, () => new double[k], (i, _, nearest) =>
        {
            // Keep the k smallest squared distances in a small sorted buffer: k is tiny next to n.
            var row = x.Row(i);
            var m = 0;
            for (var j = 0; j < n; j++)
            {
                if (j == i) continue;
                var s = FeatureMatrix.SquaredDistance(row, x.Row(j));
                if (m == k && s >= nearest[k - 1]) continue;
                var pos = m < k ? m++ : k - 1;
                while (pos > 0 && nearest[pos - 1] > s) { nearest[pos] = nearest[pos - 1]; pos--; }
                nearest[pos] = s;
            }
            result[i] = Math.Sqrt(nearest[k - 1]);
            return nearest;
        }, _ => { });
        Array.Sort(result);
        return result;
    }
}
