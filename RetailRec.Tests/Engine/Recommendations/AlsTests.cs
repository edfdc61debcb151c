using RetailRec.Engine.Recommendations.Factorization;

namespace RetailRec.Tests.Engine.Recommendations;

public class AlsTests
{
    private static RetailRec.Engine.Datasets.RetailLogs.RetailLog RandomLog()
    {
        var rng = new Random(11);
        var baskets = new List<(string, int, string)>();
        for (var c = 0; c < 30; c++)
            for (var b = 0; b < 3; b++)
                baskets.Add(("C" + c, b * 10 + c % 7, string.Join(' ', Enumerable.Range(0, 4).Select(_ => "I" + rng.Next(20)).Distinct())));
        return TinyLogs.Build(baskets.OrderBy(b => b.Item2).ToArray());
    }

    [Fact]
    public void Loss_decreases_every_iteration()
    {
        var model = new ImplicitAlsRecommender(factors: 6, iterations: 8, alpha: 5, lambda: 0.5, cgSteps: 4) { TrackLoss = true };
        model.Fit(RandomLog(), null, default);
        Assert.Equal(8, model.LossHistory.Count);
        for (var k = 1; k < model.LossHistory.Count; k++)
            Assert.True(model.LossHistory[k] <= model.LossHistory[k - 1] * (1 + 1e-5), $"loss rose at iteration {k}: {string.Join(", ", model.LossHistory)}");
        Assert.True(model.LossHistory[^1] < model.LossHistory[0] * 0.95);
    }

    [Fact]
    public void Loss_formula_matches_the_sum_over_every_pair()
    {
        var log = RandomLog();
        const double alpha = 5, lambda = 0.5;
        var model = new ImplicitAlsRecommender(factors: 3, iterations: 2, alpha: alpha, lambda: lambda);
        model.Fit(log, null, default);
        var counts = RetailRec.Engine.Recommendations.Common.CustomerItemMatrix.FromBaskets(log);
        double brute = 0;
        for (var u = 0; u < log.CustomerCount; u++)
            for (var i = 0; i < log.ItemCount; i++)
            {
                double s = 0;
                for (var f = 0; f < 3; f++) s += model.UserFactors[u * 3 + f] * model.ItemFactors[i * 3 + f];
                var r = counts.Get(u, i);
                var p = r > 0 ? 1 : 0;
                brute += (1 + alpha * r) * (p - s) * (p - s);
            }
        brute += lambda * (model.UserFactors.Sum(x => (double)x * x) + model.ItemFactors.Sum(x => (double)x * x));
        Assert.Equal(brute, model.Loss(), brute * 1e-4);
        // Scores are the dot products of the factors.
        var scores = new float[log.ItemCount];
        model.Score(0, scores);
        Assert.Equal(Enumerable.Range(0, 3).Sum(f => model.UserFactors[f] * model.ItemFactors[2 * 3 + f]), scores[2], 5);
    }
}
