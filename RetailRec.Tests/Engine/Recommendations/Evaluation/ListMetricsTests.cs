using RetailRec.Engine.Recommendations.Evaluation;

namespace RetailRec.Tests.Engine.Recommendations.Evaluation;

public class ListMetricsTests
{
    [Fact]
    public void Coverage_is_the_share_of_catalogue_items_shown_at_least_once()
    {
        int[][] lists = [[0, 1], [1, 2], [1, 0]];
        Assert.Equal(3 / 10.0, ListMetrics.Coverage(lists, 10), 12);
    }

    [Fact]
    public void Gini_is_zero_for_even_exposure_and_hand_computed_for_skewed()
    {
        int[] catalogue = [0, 1, 2, 3];
        Assert.Equal(0, ListMetrics.Gini([[0, 1], [2, 3]], catalogue), 12);
        // Counts: item0 3, item1 1, items 2,3 never -> ascending [0,0,1,3], n=4, sum=4:
        // sum (2i-n-1) x_i = (-3)0 + (-1)0 + (1)1 + (3)3 = 10 -> G = 10 / 16.
        Assert.Equal(10 / 16.0, ListMetrics.Gini([[0, 1], [0], [0]], catalogue), 12);
    }
}
