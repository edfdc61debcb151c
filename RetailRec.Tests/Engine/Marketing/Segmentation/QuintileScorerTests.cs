using RetailRec.Engine.Marketing.Segmentation;

namespace RetailRec.Tests.Engine.Marketing.Segmentation;

public class QuintileScorerTests
{
    [Fact]
    public void Distinct_values_get_the_usual_quintiles()
    {
        Assert.Equal([1, 2, 3, 4, 5], QuintileScorer.Score([10, 20, 30, 40, 50]));
        Assert.Equal([1, 1, 2, 2, 3, 3, 4, 4, 5, 5], QuintileScorer.Score([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
        Assert.Equal([5, 1, 3], QuintileScorer.Score([9, 1, 5])); // order of input does not matter
    }

    [Fact]
    public void Ties_share_the_mid_rank_score()
    {
        // value 1: p = (0 + 1.5) / 5 = 0.3 -> 2; value 2: p = 3.5 / 5 -> 4; value 3: p = 4.5 / 5 -> 5.
        Assert.Equal([2, 2, 2, 4, 5], QuintileScorer.Score([1, 1, 1, 2, 3]));
        Assert.Equal([3, 3, 3], QuintileScorer.Score([7, 7, 7]));
    }

    [Fact]
    public void Tiny_datasets_score_symmetrically()
    {
        Assert.Empty(QuintileScorer.Score([]));
        Assert.Equal([3], QuintileScorer.Score([42]));
        Assert.Equal([2, 4], QuintileScorer.Score([1, 5]));
        Assert.Equal([1, 3, 5], QuintileScorer.Score([1, 2, 3]));
    }

    [Fact]
    public void Reversed_scores_reward_low_values()
    {
        Assert.Equal([4, 2], QuintileScorer.ScoreReversed([1, 4]));
        Assert.Equal([5, 2, 2], QuintileScorer.ScoreReversed([1, 4, 4]));
    }
}
