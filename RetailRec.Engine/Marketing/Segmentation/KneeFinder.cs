namespace RetailRec.Engine.Marketing.Segmentation;

/// <summary>
/// The "knee" of a monotone curve: the point farthest from the straight line joining its first and last points,
/// after scaling both axes to [0, 1] (the Kneedle idea without smoothing). Used for the DBSCAN eps and the elbow k.
/// </summary>
public static class KneeFinder
{
    public static int KneeIndex(IReadOnlyList<double> ys)
    {
        var n = ys.Count;
        if (n < 3) return n - 1;
        double y0 = ys[0], y1 = ys[n - 1];
        var span = y1 - y0;
        if (Math.Abs(span) < 1e-15) return 0;
        var best = 0;
        var bestGap = double.MinValue;
        for (var i = 0; i < n; i++)
        {
            var x = i / (double)(n - 1);
            var y = (ys[i] - y0) / span;
            // Distance to the diagonal y = x up to a constant factor; sign-free so rising and falling curves both work.
            var gap = Math.Abs(x - y);
            if (gap > bestGap) { bestGap = gap; best = i; }
        }
        return best;
    }
}
