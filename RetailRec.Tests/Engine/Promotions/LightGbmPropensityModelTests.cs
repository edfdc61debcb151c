using RetailRec.Engine.Promotions.Evaluation;
using RetailRec.Engine.Promotions.Models;
using RetailRec.Engine.Recommendations.Ranking;

namespace RetailRec.Tests.Engine.Promotions;

public class LightGbmPropensityModelTests
{
    private static readonly GbmSettings Small = new() { MaxTrees = 200, Leaves = 7, MinRowsPerLeaf = 20, LearningRate = 0.1, Seed = 4 };

    [Fact]
    public void Learns_an_interaction_on_held_out_rows_explains_with_the_signal_columns_and_is_deterministic()
    {
        var (x, y) = PlantedRules.Xor(3000, 1);
        var (tx, ty) = PlantedRules.Xor(2000, 2);
        using var model = LightGbmPropensityModel.Fit(x, 3, y, null, 4, Small);
        var auc = BinaryMetrics.RocAuc(Enumerable.Range(0, ty.Length).Select(r => model.Predict(tx.AsSpan(r * 3, 3))).ToArray(), ty);
        Assert.True(auc > 0.9, $"held-out AUC {auc:F3}");

        double[] row = [0.9, 0.8, 0.5];
        var p = model.Predict(row);
        Assert.InRange(p, 0.5, 1.0);
        var c = model.Contributions(row);
        Assert.True(c[0] > Math.Abs(c[2]) && c[1] > Math.Abs(c[2]), $"contributions {string.Join(", ", c.Select(v => v.ToString("F3")))}");

        using var again = LightGbmPropensityModel.Fit(x, 3, y, null, 4, Small);
        Assert.Equal(p, again.Predict(row));
    }

    [Fact]
    public void Sample_weights_move_the_probabilities_towards_the_weighted_base_rate()
    {
        // Constant features: the best a model can do is the weighted positive rate, 20 / (20 + 80 * 3) = 1/13.
        const int rows = 400;
        var x = Enumerable.Repeat(1.0, rows * 2).ToArray();
        var y = Enumerable.Range(0, rows).Select(r => (byte)(r % 5 == 0 ? 1 : 0)).ToArray();
        var w = y.Select(l => l == 1 ? 1.0 : 3.0).ToArray();
        using var model = LightGbmPropensityModel.Fit(x, 2, y, w, 1, Small);
        Assert.Equal(1.0 / 13, model.Predict([1.0, 1.0]), 2);
    }
}
