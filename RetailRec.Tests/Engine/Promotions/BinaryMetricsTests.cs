using RetailRec.Engine.Promotions.Evaluation;

namespace RetailRec.Tests.Engine.Promotions;

public class BinaryMetricsTests
{
    private static readonly double[] Scores = [0.9, 0.8, 0.7, 0.6, 0.5];
    private static readonly byte[] Labels = [1, 0, 1, 0, 0];

    [Fact]
    public void Ranking_metrics_match_hand_computed_values()
    {
        // Buyer at 0.9 beats 3 non-buyers, buyer at 0.7 beats 2: AUC = 5/6.
        Assert.Equal(5.0 / 6, BinaryMetrics.RocAuc(Scores, Labels), 12);
        // Buyers at ranks 1 and 3: AP = (1/1 + 2/3) / 2.
        Assert.Equal((1 + 2.0 / 3) / 2, BinaryMetrics.AveragePrecision(Scores, Labels), 12);
        var order = BinaryMetrics.RankDescending(Scores);
        Assert.Equal(0.5, BinaryMetrics.PrecisionAt(order, Labels, 2), 12);
        Assert.Equal(0.5, BinaryMetrics.RecallAt(order, Labels, 2), 12);
        Assert.Equal(1.0, BinaryMetrics.RecallAt(order, Labels, 3), 12);
        // Top 20 % = 1 customer, a buyer: rate 1 against a base rate of 2/5 -> lift 2.5.
        Assert.Equal(2.5, BinaryMetrics.LiftAt(order, Labels, 0.2), 12);
        Assert.Equal((0.01 + 0.64 + 0.09 + 0.36 + 0.25) / 5, BinaryMetrics.Brier(Scores, Labels), 12);
        var gains = BinaryMetrics.Gains(order, Labels, 0.2);
        Assert.Equal([0, 0.5, 0.5, 1, 1, 1], gains.Select(g => g.BuyersReached));
    }

    [Fact]
    public void Tied_scores_count_half_and_degenerate_labels_give_nan()
    {
        Assert.Equal(0.5, BinaryMetrics.RocAuc([0.3, 0.3], [1, 0]), 12);
        Assert.Equal(0.75, BinaryMetrics.RocAuc([0.3, 0.3, 0.1], [1, 0, 0]), 12);
        Assert.True(double.IsNaN(BinaryMetrics.RocAuc([0.3, 0.2], [0, 0])));
    }
}
