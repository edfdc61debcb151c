using RetailRec.Engine.Neural.Autoencoder;

namespace RetailRec.Tests.Engine.Neural;

public class CustomerAutoencoderTests
{
    /// <summary>Two Gaussian groups in 8 dimensions whose 8 features are driven by 2 latent factors plus small noise.</summary>
    private static (float[,] X, int[] Group) TwoGroups(int perGroup, int seed)
    {
        var rng = new Random(seed);
        double G() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        var mix = new double[2, 8];
        for (var a = 0; a < 2; a++) for (var c = 0; c < 8; c++) mix[a, c] = G();
        var x = new float[2 * perGroup, 8];
        var group = new int[2 * perGroup];
        for (var r = 0; r < 2 * perGroup; r++)
        {
            group[r] = r < perGroup ? 0 : 1;
            var u = (group[r] == 0 ? -2 : 2) + 0.5 * G();
            var v = G();
            for (var c = 0; c < 8; c++) x[r, c] = (float)(u * mix[0, c] + v * mix[1, c] + 0.05 * G());
        }
        return (x, group);
    }

    [Fact]
    public void Learns_a_two_dimensional_code_that_reconstructs_and_separates_the_groups()
    {
        var (x, group) = TwoGroups(150, 1);
        var result = CustomerAutoencoder.Fit(x, 2, seed: 3, new AutoencoderOptions { Epochs = 80, BatchSize = 64 });
        Assert.Equal(300, result.Embedding.GetLength(0));
        Assert.Equal(2, result.Embedding.GetLength(1));
        // Standardised input has variance 1 per column, so 1.0 is the error of predicting the mean.
        Assert.True(result.EpochLoss[^1] < 0.1, $"final reconstruction MSE {result.EpochLoss[^1]:F3}");
        Assert.True(result.EpochLoss[^1] < result.EpochLoss[0] / 3);

        // Nearest-centroid classification of the groups in the 2-D code.
        var centroids = new double[2, 2];
        for (var r = 0; r < 300; r++) for (var c = 0; c < 2; c++) centroids[group[r], c] += result.Embedding[r, c] / 150.0;
        var correct = 0;
        for (var r = 0; r < 300; r++)
        {
            double D(int g) => Math.Pow(result.Embedding[r, 0] - centroids[g, 0], 2) + Math.Pow(result.Embedding[r, 1] - centroids[g, 1], 2);
            if ((D(0) < D(1) ? 0 : 1) == group[r]) correct++;
        }
        Assert.True(correct >= 290, $"{correct}/300 rows nearest to their own group's centroid");
    }

    [Fact]
    public void Same_seed_same_embedding_and_double_input_matches_float_input()
    {
        var (x, _) = TwoGroups(40, 2);
        var options = new AutoencoderOptions { Epochs = 10 };
        var a = CustomerAutoencoder.FitTransform(x, 3, 5, options);
        var rows = Enumerable.Range(0, 80).Select(r => Enumerable.Range(0, 8).Select(c => (double)x[r, c]).ToArray()).ToArray();
        var b = CustomerAutoencoder.FitTransform(rows, 3, 5, options);
        Assert.Equal(a.Cast<float>(), b.Cast<float>());
        var c = CustomerAutoencoder.FitTransform(x, 3, 6, options);
        Assert.NotEqual(a.Cast<float>(), c.Cast<float>());
    }
}
