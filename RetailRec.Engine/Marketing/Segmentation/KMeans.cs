namespace RetailRec.Engine.Marketing.Segmentation;

public sealed record KMeansOptions(int Restarts = 4, int MaxIterations = 100, double Tolerance = 1e-6, int Seed = 42);

/// <summary>Labels (0..k-1), centroids (k x d row-major) and inertia (sum of squared distances to the own centroid).</summary>
public sealed record KMeansResult(int K, int[] Labels, double[] Centroids, double Inertia, int Iterations);

/// <summary>
/// Lloyd's k-means with k-means++ seeding; the best of several seeded restarts (lowest inertia) wins.
/// An empty cluster is re-seeded with the point farthest from its centroid, so k clusters always come back.
/// </summary>
public static class KMeans
{
    public static KMeansResult Fit(FeatureMatrix x, int k, KMeansOptions? options = null, CancellationToken ct = default)
    {
        options ??= new KMeansOptions();
        if (k < 1 || k > x.Rows) throw new ArgumentOutOfRangeException(nameof(k), $"k must be in 1..{x.Rows}");
        KMeansResult? best = null;
        for (var r = 0; r < Math.Max(1, options.Restarts); r++)
        {
            ct.ThrowIfCancellationRequested();
            // A fixed arithmetic mix, not HashCode.Combine: HashCode is randomised per process and would break reproducibility.
            var run = FitOnce(x, k, options, new Random(unchecked(options.Seed * 1_000_003 + k * 1_009 + r)));
            if (best is null || run.Inertia < best.Inertia) best = run;
        }
        return best!;
    }

    private static KMeansResult FitOnce(FeatureMatrix x, int k, KMeansOptions options, Random rng)
    {
        int n = x.Rows, d = x.Cols;
        var centroids = PlusPlusSeeds(x, k, rng);
        var labels = new int[n];
        var dist = new double[n];
        var counts = new int[k];
        double inertia = double.MaxValue;
        var iter = 0;
        while (iter++ < options.MaxIterations)
        {
            var newInertia = Assign(x, centroids, k, labels, dist);
            Array.Clear(counts);
            var sums = new double[k * d];
            for (var i = 0; i < n; i++)
            {
                counts[labels[i]]++;
                var row = x.Row(i);
                for (var j = 0; j < d; j++) sums[labels[i] * d + j] += row[j];
            }
            for (var c = 0; c < k; c++)
            {
                if (counts[c] == 0)
                {
                    var far = FarthestPoint(dist);
                    dist[far] = 0;
                    x.Row(far).CopyTo(centroids.AsSpan(c * d, d));
                    continue;
                }
                for (var j = 0; j < d; j++) centroids[c * d + j] = sums[c * d + j] / counts[c];
            }
            var converged = inertia - newInertia <= options.Tolerance * Math.Max(1, newInertia);
            inertia = newInertia;
            if (converged && counts.All(c => c > 0)) break;
        }
        inertia = Assign(x, centroids, k, labels, dist);
        return new KMeansResult(k, labels, centroids, inertia, iter);
    }

    /// <summary>k-means++: each next seed is drawn with probability proportional to its squared distance to the nearest seed.</summary>
    private static double[] PlusPlusSeeds(FeatureMatrix x, int k, Random rng)
    {
        int n = x.Rows, d = x.Cols;
        var centroids = new double[k * d];
        x.Row(rng.Next(n)).CopyTo(centroids.AsSpan(0, d));
        var nearest = new double[n];
        for (var i = 0; i < n; i++) nearest[i] = FeatureMatrix.SquaredDistance(x.Row(i), centroids.AsSpan(0, d));
        for (var c = 1; c < k; c++)
        {
            var total = nearest.Sum();
            var pick = 0;
            if (total > 0)
            {
                var u = rng.NextDouble() * total;
                double acc = 0;
                for (pick = 0; pick < n - 1; pick++) { acc += nearest[pick]; if (acc >= u) break; }
            }
            else pick = rng.Next(n); // all points coincide with seeds: any point will do
            x.Row(pick).CopyTo(centroids.AsSpan(c * d, d));
            for (var i = 0; i < n; i++)
                nearest[i] = Math.Min(nearest[i], FeatureMatrix.SquaredDistance(x.Row(i), centroids.AsSpan(c * d, d)));
        }
        return centroids;
    }

    private static double Assign(FeatureMatrix x, double[] centroids, int k, int[] labels, double[] dist)
    {
        var d = x.Cols;
        double inertia = 0;
        for (var i = 0; i < x.Rows; i++)
        {
            var row = x.Row(i);
            var best = double.MaxValue;
            var bestC = 0;
            for (var c = 0; c < k; c++)
            {
                var s = FeatureMatrix.SquaredDistance(row, centroids.AsSpan(c * d, d));
                if (s < best) { best = s; bestC = c; }
            }
            labels[i] = bestC;
            dist[i] = best;
            inertia += best;
        }
        return inertia;
    }

    private static int FarthestPoint(double[] dist)
    {
        var far = 0;
        for (var i = 1; i < dist.Length; i++) if (dist[i] > dist[far]) far = i;
        return far;
    }
}
