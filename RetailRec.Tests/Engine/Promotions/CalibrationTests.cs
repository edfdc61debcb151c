using RetailRec.Engine.Promotions.Calibration;

namespace RetailRec.Tests.Engine.Promotions;

public class CalibrationTests
{
    [Fact]
    public void Isotonic_fit_matches_pool_adjacent_violators_by_hand()
    {
        // Labels by score 1..6: 1 0 0 1 1 0. PAV: (1,0) -> 0.5 0.5; then 0 < 0.5 -> pool three: 1/3;
        // 1, 1 fine; then 0 < 1 -> pool (1,0) -> 0.5 < 1 -> pool (1,1,0) -> 2/3. Result: 1/3 x3, 2/3 x3.
        var iso = IsotonicCalibrator.Fit([1, 2, 3, 4, 5, 6], [1, 0, 0, 1, 1, 0]);
        Assert.Equal([1.0, 4.0], iso.Thresholds);
        Assert.Equal(1.0 / 3, iso.Values[0], 12);
        Assert.Equal(2.0 / 3, iso.Values[1], 12);
        Assert.Equal(1.0 / 3, iso.Calibrate(0.5), 12);   // below the range: first block
        Assert.Equal(1.0 / 3, iso.Calibrate(3.9), 12);
        Assert.Equal(2.0 / 3, iso.Calibrate(10), 12);
    }

    [Fact]
    public void Isotonic_map_is_monotone_and_pools_tied_scores()
    {
        var rng = new Random(3);
        var scores = Enumerable.Range(0, 500).Select(_ => Math.Round(rng.NextDouble(), 2)).ToArray();
        var labels = scores.Select(s => rng.NextDouble() < s ? (byte)1 : (byte)0).ToArray();
        var iso = IsotonicCalibrator.Fit(scores, labels);
        for (var k = 1; k < iso.Values.Length; k++) Assert.True(iso.Values[k] >= iso.Values[k - 1]);
        // Blocks are exact: a block's value is the mean label of the examples it covers.
        var first = scores.Select((s, i) => (s, i)).Where(t => t.s < iso.Thresholds[1]).Select(t => (double)labels[t.i]).Average();
        Assert.Equal(first, iso.Values[0], 12);
        Assert.Equal(iso.Calibrate(0.37), iso.Calibrate(0.37)); // ties map to one value
    }

    [Fact]
    public void Platt_scaling_recovers_the_closed_form_on_a_two_level_score()
    {
        // Score 0: 1 of 4 buyers, score 1: 3 of 4 -> sigmoid(B) = 1/4, sigmoid(A + B) = 3/4.
        var platt = PlattCalibrator.Fit([0, 0, 0, 0, 1, 1, 1, 1], [1, 0, 0, 0, 1, 1, 1, 0]);
        Assert.Equal(-Math.Log(3), platt.B, 5);
        Assert.Equal(2 * Math.Log(3), platt.A, 5);
        Assert.Equal(0.75, platt.Calibrate(1), 5);
    }

    [Fact]
    public void Reliability_bins_hold_equal_counts_and_their_means()
    {
        var bins = ReliabilityCurve.Compute([0.1, 0.2, 0.3, 0.4], [0, 0, 1, 1], bins: 2);
        Assert.Equal(2, bins.Length);
        Assert.Equal(new ReliabilityBin(0.15, 0, 2), bins[0] with { MeanPredicted = Math.Round(bins[0].MeanPredicted, 12) });
        Assert.Equal(0.35, bins[1].MeanPredicted, 12);
        Assert.Equal(1, bins[1].ObservedRate);
    }
}
