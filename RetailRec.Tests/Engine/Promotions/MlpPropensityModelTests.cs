using RetailRec.Engine.Promotions.Evaluation;
using RetailRec.Engine.Promotions.Models;

namespace RetailRec.Tests.Engine.Promotions;

public class MlpPropensityModelTests
{
    private static double HeldOutAuc(IPropensityModel model, double[] x, byte[] y) =>
        BinaryMetrics.RocAuc(Enumerable.Range(0, y.Length).Select(r => model.Predict(x.AsSpan(r * 3, 3))).ToArray(), y);

    [Fact]
    public void Learns_an_xor_rule_that_logistic_regression_cannot_on_held_out_rows()
    {
        var (x, y) = PlantedRules.Xor(2000, 1);
        var (tx, ty) = PlantedRules.Xor(2000, 2);
        var mlp = MlpPropensityModel.Fit(x, 3, y, options: new MlpOptions { Seed = 3 });
        var logistic = new LogisticPropensityModel(LogisticRegression.Fit(x, 3, y));

        var mlpAuc = HeldOutAuc(mlp, tx, ty);
        var logisticAuc = HeldOutAuc(logistic, tx, ty);
        Assert.True(mlpAuc > 0.9, $"MLP AUC {mlpAuc:F3}");
        Assert.True(logisticAuc < 0.7, $"logistic AUC {logisticAuc:F3}");
        Assert.True(mlp.EpochLoss[^1] < mlp.EpochLoss[0], "training cross-entropy should fall");
    }

    [Fact]
    public void Same_seed_gives_identical_predictions_and_another_seed_different_ones()
    {
        var (x, y) = PlantedRules.Xor(600, 5);
        var options = new MlpOptions { Seed = 9, MinSteps = 200 };
        var a = MlpPropensityModel.Fit(x, 3, y, options: options);
        var b = MlpPropensityModel.Fit(x, 3, y, options: options);
        var c = MlpPropensityModel.Fit(x, 3, y, options: options with { Seed = 10 });
        var row = new[] { 0.3, -0.6, 0.1 };
        Assert.Equal(a.Predict(row), b.Predict(row));
        Assert.Equal(a.EpochLoss, b.EpochLoss);
        Assert.NotEqual(a.Predict(row), c.Predict(row));
    }

    [Fact]
    public void With_uninformative_features_it_predicts_the_weighted_base_rate()
    {
        // Cross-entropy is minimised by the weighted positive rate: 20 positives (weight 1) and 80 negatives
        // (weight 3) give 20 / (20 + 240) = 1/13. Ignoring the weights would give 0.2 instead.
        const int rows = 100;
        var x = new double[rows * 2];
        for (var r = 0; r < rows; r++) { x[r * 2] = 1; x[r * 2 + 1] = 5; }
        var y = Enumerable.Range(0, rows).Select(r => (byte)(r < 20 ? 1 : 0)).ToArray();
        var w = y.Select(l => l == 1 ? 1.0 : 3.0).ToArray();
        var mlp = MlpPropensityModel.Fit(x, 2, y, w, new MlpOptions { Seed = 1, MinSteps = 1500 });
        Assert.Equal(1.0 / 13, mlp.Predict([1.0, 5.0]), 2);
    }

    [Fact]
    public void Occlusion_contributions_are_log_odds_drops_and_ignore_the_noise_column()
    {
        var (x, y) = PlantedRules.Xor(2000, 1);
        var mlp = MlpPropensityModel.Fit(x, 3, y, options: new MlpOptions { Seed = 3 });
        double[] row = [0.9, 0.8, 0.5]; // the signals agree strongly: a likely buyer
        var c = mlp.Contributions(row);

        // By definition: full log-odds minus log-odds with that feature set to its training mean.
        for (var k = 0; k < 3; k++)
        {
            var probe = (double[])row.Clone();
            probe[k] = mlp.Standardizer.Mean[k];
            Assert.Equal(mlp.LogOdds(row) - mlp.LogOdds(probe), c[k], 12);
        }
        // Both signals push this row towards buying; the noise column matters far less than either.
        Assert.True(c[0] > 0 && c[1] > 0);
        Assert.True(Math.Abs(c[2]) < 0.5 * Math.Min(c[0], c[1]));
        // A feature sitting exactly at its mean contributes nothing.
        Assert.Equal(0, mlp.Contributions([mlp.Standardizer.Mean[0], 0.8, 0.5])[0], 12);
    }
}
