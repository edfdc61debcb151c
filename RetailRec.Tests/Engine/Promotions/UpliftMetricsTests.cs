using RetailRec.Engine.Promotions.Uplift;

namespace RetailRec.Tests.Engine.Promotions;

public class UpliftMetricsTests
{
    [Fact]
    public void Qini_uplift_curve_auuc_and_coefficient_match_a_hand_computed_example()
    {
        // Ranked T(bought), C, T, C(bought).
        // k=1: Qini = 1 (no controls yet), Uplift = 0.   k=2: Qini = 1 - 0 = 1, Uplift = (1 - 0) * 2 = 2.
        // k=3: Qini = 1, Uplift = (1/2 - 0) * 3 = 1.5.   k=4: Qini = 1 - 1 * 2/2 = 0, Uplift = (1/2 - 1/2) * 4 = 0.
        var e = UpliftMetrics.Evaluate([0.4, 0.3, 0.2, 0.1], [true, false, true, false], [true, false, false, true]);
        Assert.Equal([1.0, 1, 1, 0], e.Curve.Select(p => p.Qini));
        Assert.Equal([0.0, 2, 1.5, 0], e.Curve.Select(p => p.Uplift));
        Assert.Equal(0.875, e.Auuc, 12);
        Assert.Equal(0.75, e.QiniArea, 12);
        Assert.Equal(0.75, e.QiniCoefficient, 12);      // the random line ends at Qini(4) = 0
        Assert.True(double.IsNaN(e.UpliftAt10));         // the top 1 holds no control customer
        Assert.Equal(1.0, e.UpliftAt30, 12);             // top 2: 1/1 treated bought, 0/1 control
    }

    [Fact]
    public void A_reversed_ranking_has_a_negative_qini_coefficient()
    {
        double[] good = [0.4, 0.3, 0.2, 0.1];
        bool[] treated = [true, false, true, false];
        bool[] bought = [true, false, false, true];
        var reversed = UpliftMetrics.Evaluate(good.Select(x => -x).ToArray(), treated, bought);
        Assert.True(reversed.QiniCoefficient < 0);
    }

    [Theory]
    [InlineData(0.5, 0.1, ResponseSegment.Persuadable)]
    [InlineData(0.1, 0.4, ResponseSegment.DoNotDisturb)]
    [InlineData(0.6, 0.58, ResponseSegment.SureThing)]
    [InlineData(0.02, 0.01, ResponseSegment.LostCause)]
    public void Response_segments_follow_the_two_model_estimates(double pt, double pc, ResponseSegment expected) =>
        Assert.Equal(expected, ResponseSegments.Label(pt, pc));
}
