namespace RetailRec.Engine.Promotions.Calibration;

/// <summary>One bin of a reliability diagram: mean predicted probability against the observed buyer rate.</summary>
public readonly record struct ReliabilityBin(double MeanPredicted, double ObservedRate, int Count);

public static class ReliabilityCurve
{
    /// <summary>Equal-count bins over the predictions sorted ascending (equal-width bins are empty for rare events).</summary>
    public static ReliabilityBin[] Compute(IReadOnlyList<double> probabilities, IReadOnlyList<byte> labels, int bins = 10)
    {
        var order = Enumerable.Range(0, probabilities.Count).OrderBy(i => probabilities[i]).ThenBy(i => i).ToArray();
        var result = new List<ReliabilityBin>();
        for (var b = 0; b < bins; b++)
        {
            int from = b * order.Length / bins, to = (b + 1) * order.Length / bins;
            if (to <= from) continue;
            double p = 0, y = 0;
            for (var k = from; k < to; k++) { p += probabilities[order[k]]; y += labels[order[k]]; }
            result.Add(new ReliabilityBin(p / (to - from), y / (to - from), to - from));
        }
        return result.ToArray();
    }
}
