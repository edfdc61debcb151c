namespace RetailRec.Engine.Marketing.Segmentation;

public sealed record KSelectionOptions(int MinK = 2, int MaxK = 10, int SilhouetteExactMaxRows = 5000, int SilhouetteSampleSize = 3000, int Seed = 42);

/// <summary>One point of the elbow and silhouette curves.</summary>
public sealed record KCurvePoint(int K, double Inertia, double Silhouette);

/// <summary>
/// The chosen k (highest silhouette), the elbow k (knee of inertia) for reference, both curves, and how the
/// silhouette was measured: exact on all rows, or on a seeded random sample of <see cref="SilhouetteRows"/> rows.
/// </summary>
public sealed record KSelectionResult(int BestK, int ElbowK, KMeansResult Best, IReadOnlyList<KCurvePoint> Curve,
    bool SilhouetteSampled, int SilhouetteRows);

public static class KSelection
{
    public static KSelectionResult Run(FeatureMatrix x, KSelectionOptions? options = null, KMeansOptions? kmeans = null,
        IProgress<double>? progress = null, CancellationToken ct = default)
    {
        options ??= new KSelectionOptions();
        var maxK = Math.Min(options.MaxK, x.Rows - 1);
        var minK = Math.Min(options.MinK, maxK);
        if (maxK < 2) throw new ArgumentException("clustering needs at least 3 rows", nameof(x));

        // Silhouette is O(n^2): exact up to the limit, otherwise on one seeded sample shared by every k.
        var sampled = x.Rows > options.SilhouetteExactMaxRows;
        var sample = sampled ? SampleRows(x.Rows, options.SilhouetteSampleSize, options.Seed) : Enumerable.Range(0, x.Rows).ToArray();
        var distances = new PairwiseDistances(sampled ? Subset(x, sample) : x);

        var curve = new List<KCurvePoint>();
        var runs = new List<KMeansResult>();
        for (var k = minK; k <= maxK; k++)
        {
            ct.ThrowIfCancellationRequested();
            var run = KMeans.Fit(x, k, kmeans, ct);
            var labels = sample.Select(i => run.Labels[i]).ToArray();
            curve.Add(new KCurvePoint(k, run.Inertia, Silhouette.Mean(distances, labels, k)));
            runs.Add(run);
            progress?.Report((k - minK + 1) / (double)(maxK - minK + 1));
        }
        var bestIndex = 0;
        for (var i = 1; i < curve.Count; i++) if (curve[i].Silhouette > curve[bestIndex].Silhouette) bestIndex = i;
        var elbow = curve[KneeFinder.KneeIndex(curve.Select(p => p.Inertia).ToArray())].K;
        return new KSelectionResult(curve[bestIndex].K, elbow, runs[bestIndex], curve, sampled, sample.Length);
    }

    internal static int[] SampleRows(int n, int size, int seed)
    {
        var idx = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(idx);
        var s = idx[..Math.Min(size, n)];
        Array.Sort(s);
        return s;
    }

    internal static FeatureMatrix Subset(FeatureMatrix x, int[] rows)
    {
        var m = new FeatureMatrix(rows.Length, x.Cols, null, x.ColumnNames);
        for (var i = 0; i < rows.Length; i++) x.Row(rows[i]).CopyTo(m.Data.AsSpan(i * x.Cols, x.Cols));
        return m;
    }
}
