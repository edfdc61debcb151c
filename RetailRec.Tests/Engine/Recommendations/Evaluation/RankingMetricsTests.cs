using RetailRec.Engine.Recommendations.Evaluation;

namespace RetailRec.Tests.Engine.Recommendations.Evaluation;

public class RankingMetricsTests
{
    private static readonly int[] Ranked = [5, 3, 9, 1, 7];

    [Fact]
    public void Recall_precision_hit_and_mrr_match_hand_computed_values()
    {
        var targets = new HashSet<int> { 3, 7, 42 };
        Assert.Equal(1.0 / 3, RankingMetrics.RecallAt(Ranked, targets, 2), 12);   // hit at rank 2 only
        Assert.Equal(2.0 / 3, RankingMetrics.RecallAt(Ranked, targets, 5), 12);
        Assert.Equal(2.0 / 5, RankingMetrics.PrecisionAt(Ranked, targets, 5), 12);
        Assert.Equal(1.0, RankingMetrics.HitRateAt(Ranked, targets, 2));
        Assert.Equal(0.0, RankingMetrics.HitRateAt(Ranked, targets, 1));
        Assert.Equal(0.5, RankingMetrics.MrrAt(Ranked, targets, 5), 12);
    }

    [Fact]
    public void Ndcg_with_fewer_targets_than_k_uses_the_reachable_ideal()
    {
        // One target at rank 2: DCG = 1/log2(3); ideal with 1 target = 1.
        Assert.Equal(1 / Math.Log2(3), RankingMetrics.NdcgAt(Ranked, new HashSet<int> { 3 }, 10), 12);
        // Targets at ranks 1 and 5: DCG = 1 + 1/log2(6); IDCG = 1 + 1/log2(3).
        var expected = (1 + 1 / Math.Log2(6)) / (1 + 1 / Math.Log2(3));
        Assert.Equal(expected, RankingMetrics.NdcgAt(Ranked, new HashSet<int> { 5, 7 }, 5), 12);
    }

    [Fact]
    public void TopK_returns_best_first_with_low_index_tie_break()
    {
        float[] scores = [0.1f, 0.9f, 0.5f, 0.9f, float.NaN, 0.2f];
        Assert.Equal([1, 3, 2], TopK.Select(scores, 3));
        Assert.Equal([3, 2], TopK.Select(scores, 2, i => i != 1));
    }
}
