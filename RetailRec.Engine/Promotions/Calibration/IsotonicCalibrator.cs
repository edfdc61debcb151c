namespace RetailRec.Engine.Promotions.Calibration;

/// <summary>
/// Isotonic calibration: the non-decreasing step function of the score that best fits the 0/1 outcomes in squared
/// error, found by pool-adjacent-violators (PAV). Equal scores are pooled first so the map is a function of the score.
/// Between blocks the value of the block holding the largest threshold not above the score is used.
/// </summary>
public sealed class IsotonicCalibrator
{
    public double[] Thresholds { get; }   // lowest score of each block, ascending
    public double[] Values { get; }       // calibrated probability of each block, non-decreasing

    private IsotonicCalibrator(double[] thresholds, double[] values) { Thresholds = thresholds; Values = values; }

    public static IsotonicCalibrator Fit(IReadOnlyList<double> scores, IReadOnlyList<byte> labels)
    {
        if (scores.Count == 0) throw new ArgumentException("isotonic calibration needs at least one example");
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        // Blocks as a stack: (first score, sum of labels, count).
        var start = new List<double>();
        var sum = new List<double>();
        var count = new List<double>();
        for (var k = 0; k < order.Length;)
        {
            var s = scores[order[k]];
            double ys = 0, n = 0;
            while (k < order.Length && scores[order[k]] == s) { ys += labels[order[k]]; n++; k++; }
            start.Add(s); sum.Add(ys); count.Add(n);
            // Merge while the new block's mean is below its predecessor's (a violation of monotonicity).
            while (start.Count > 1 && sum[^1] / count[^1] < sum[^2] / count[^2])
            {
                sum[^2] += sum[^1]; count[^2] += count[^1];
                start.RemoveAt(start.Count - 1); sum.RemoveAt(sum.Count - 1); count.RemoveAt(count.Count - 1);
            }
        }
        return new IsotonicCalibrator(start.ToArray(), sum.Zip(count, (a, b) => a / b).ToArray());
    }

    public double Calibrate(double score)
    {
        var i = Array.BinarySearch(Thresholds, score);
        if (i < 0) i = ~i - 1;
        return Values[Math.Clamp(i, 0, Values.Length - 1)];
    }
}
