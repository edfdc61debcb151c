using RetailRec.Engine.Marketing.Segmentation;

namespace RetailRec.Tests.Engine.Marketing.Segmentation;

public class ClusteringTests
{
    private static FeatureMatrix Matrix(params double[][] rows)
    {
        var m = new FeatureMatrix(rows.Length, rows[0].Length);
        for (var i = 0; i < rows.Length; i++) for (var j = 0; j < rows[0].Length; j++) m[i, j] = rows[i][j];
        return m;
    }

    /// <summary>Three tight Gaussian blobs (sd 0.3) around far-apart centres, 30 points each, seeded.</summary>
    private static (FeatureMatrix X, int[] Planted) Blobs()
    {
        double[][] centres = [[0, 0, 0], [10, 0, 5], [0, 10, -5]];
        var rng = new Random(7);
        var rows = new List<double[]>();
        var planted = new List<int>();
        for (var c = 0; c < 3; c++)
            for (var k = 0; k < 30; k++)
            {
                rows.Add(centres[c].Select(v => v + 0.3 * Gaussian(rng)).ToArray());
                planted.Add(c);
            }
        return (Matrix(rows.ToArray()), planted.ToArray());
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    [Fact]
    public void KMeans_recovers_planted_clusters_and_silhouette_picks_k_3()
    {
        var (x, planted) = Blobs();
        var selection = KSelection.Run(x, new KSelectionOptions(MinK: 2, MaxK: 6));
        Assert.Equal(3, selection.BestK);
        Assert.False(selection.SilhouetteSampled);
        var labels = selection.Best.Labels;
        // Same partition up to label names: every planted blob has one label, and the three labels differ.
        var labelOfBlob = Enumerable.Range(0, 3).Select(c => labels.Where((_, i) => planted[i] == c).Distinct().Single()).ToArray();
        Assert.Equal(3, labelOfBlob.Distinct().Count());
        Assert.Equal(5, selection.Curve.Count);
        Assert.True(selection.Curve[1].Inertia < selection.Curve[0].Inertia / 10); // k=3 collapses the inertia
        Assert.Equal(3, selection.ElbowK);
    }

    [Fact]
    public void KMeans_is_deterministic_for_a_seed()
    {
        var (x, _) = Blobs();
        var a = KMeans.Fit(x, 4, new KMeansOptions(Seed: 3));
        var b = KMeans.Fit(x, 4, new KMeansOptions(Seed: 3));
        Assert.Equal(a.Labels, b.Labels);
        Assert.Equal(a.Inertia, b.Inertia);
    }

    [Fact]
    public void KMeans_inertia_matches_its_labels_and_centroids()
    {
        var x = Matrix([0.0], [1.0], [10.0], [12.0]);
        var r = KMeans.Fit(x, 2);
        Assert.Equal(r.Labels[0], r.Labels[1]);
        Assert.NotEqual(r.Labels[0], r.Labels[2]);
        // Centroids 0.5 and 11: inertia = 0.25 + 0.25 + 1 + 1.
        Assert.Equal(2.5, r.Inertia, 12);
    }

    [Fact]
    public void Silhouette_equals_the_hand_computed_value()
    {
        // Points 0, 1 | 4, 6. s(0) = 1 - 1/5, s(1) = 1 - 1/4, s(4) = 1 - 2/3.5, s(6) = 1 - 2/5.5.
        var x = Matrix([0.0], [1.0], [4.0], [6.0]);
        var expected = (0.8 + 0.75 + (1 - 2 / 3.5) + (1 - 2 / 5.5)) / 4;
        Assert.Equal(expected, Silhouette.Mean(new PairwiseDistances(x), [0, 0, 1, 1], 2), 6);
        // A singleton cluster scores 0: s(0) = 0.8, s(1) = 0.75, s(5) = 0.
        var y = Matrix([0.0], [1.0], [5.0]);
        Assert.Equal(1.55 / 3, Silhouette.Mean(new PairwiseDistances(y), [0, 0, 1], 2), 6);
    }

    [Fact]
    public void Silhouette_is_sampled_and_reported_above_the_exact_limit()
    {
        var (x, _) = Blobs();
        var selection = KSelection.Run(x, new KSelectionOptions(MinK: 2, MaxK: 4, SilhouetteExactMaxRows: 50, SilhouetteSampleSize: 40));
        Assert.True(selection.SilhouetteSampled);
        Assert.Equal(40, selection.SilhouetteRows);
        Assert.Equal(3, selection.BestK);
    }

    [Fact]
    public void Knee_is_the_point_farthest_from_the_chord()
    {
        Assert.Equal(3, KneeFinder.KneeIndex([1, 1, 1, 1, 10]));
        Assert.Equal(1, KneeFinder.KneeIndex([100, 10, 8, 6, 5])); // a falling elbow curve
    }

    [Fact]
    public void Dbscan_flags_the_isolated_point_with_explicit_and_knee_parameters()
    {
        var x = Matrix([0.0, 0], [0.1, 0], [0, 0.1], [0.1, 0.1], [5, 5], [5.1, 5], [5, 5.1], [5.1, 5.1], [20, 20]);
        var r = Dbscan.Run(x, new DbscanOptions(Eps: 0.5, MinPoints: 3));
        Assert.Equal(2, r.ClusterCount);
        Assert.Equal(1, r.NoiseCount);
        Assert.True(r.IsOutlier(8));
        Assert.Equal(r.Labels[0], r.Labels[3]);
        Assert.NotEqual(r.Labels[0], r.Labels[4]);

        var auto = Dbscan.Run(x, new DbscanOptions(MinPoints: 3));
        Assert.True(auto.EpsFromKnee);
        Assert.Equal(3, auto.MinPoints);
        // 2nd-nearest distances: 0.1 for the eight grouped points, 15*sqrt(2) for (20,20): the knee is 0.1.
        Assert.Equal(0.1, auto.Eps, 9);
        Assert.Equal([8], Enumerable.Range(0, 9).Where(auto.IsOutlier));
    }
}
