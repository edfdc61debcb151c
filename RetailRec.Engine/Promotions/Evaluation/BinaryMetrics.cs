namespace RetailRec.Engine.Promotions.Evaluation;

/// <summary>A point of a cumulative gains curve: share of customers contacted, share of buyers reached.</summary>
public readonly record struct GainsPoint(double Contacted, double BuyersReached);

/// <summary>
/// Ranking and probability metrics of scores against binary outcomes. Rankings sort by score, best first, and break
/// ties by position in the input so every metric is deterministic.
/// </summary>
public static class BinaryMetrics
{
    public static int[] RankDescending(IReadOnlyList<double> scores) =>
        Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ThenBy(i => i).ToArray();

    /// <summary>ROC AUC = P(score of a random buyer > score of a random non-buyer), ties counted half (Mann-Whitney).</summary>
    public static double RocAuc(IReadOnlyList<double> scores, IReadOnlyList<byte> labels)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double rankSum = 0;
        long pos = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]]) end++;
            var midRank = (start + end) / 2.0 + 1; // ranks are 1-based, ties share the mean rank
            for (var k = start; k <= end; k++)
                if (labels[order[k]] == 1) { rankSum += midRank; pos++; }
            start = end + 1;
        }
        var neg = scores.Count - pos;
        if (pos == 0 || neg == 0) return double.NaN;
        return (rankSum - pos * (pos + 1) / 2.0) / (pos * (double)neg);
    }

    /// <summary>PR AUC as average precision: the mean over buyers of the precision at each buyer's rank.</summary>
    public static double AveragePrecision(IReadOnlyList<double> scores, IReadOnlyList<byte> labels)
    {
        var order = RankDescending(scores);
        double sum = 0;
        var hits = 0;
        for (var k = 0; k < order.Length; k++)
            if (labels[order[k]] == 1) { hits++; sum += hits / (double)(k + 1); }
        return hits == 0 ? double.NaN : sum / hits;
    }

    public static int HitsAt(int[] order, IReadOnlyList<byte> labels, int n)
    {
        var hits = 0;
        for (var k = 0; k < Math.Min(n, order.Length); k++) hits += labels[order[k]];
        return hits;
    }

    public static double PrecisionAt(int[] order, IReadOnlyList<byte> labels, int n) => n <= 0 ? double.NaN : HitsAt(order, labels, n) / (double)Math.Min(n, order.Length);

    public static double RecallAt(int[] order, IReadOnlyList<byte> labels, int n)
    {
        var total = labels.Sum(l => (int)l);
        return total == 0 ? double.NaN : HitsAt(order, labels, n) / (double)total;
    }

    /// <summary>Buyer rate in the top <paramref name="fraction"/> of the ranking divided by the overall buyer rate.</summary>
    public static double LiftAt(int[] order, IReadOnlyList<byte> labels, double fraction)
    {
        var total = labels.Sum(l => (int)l);
        if (total == 0) return double.NaN;
        var n = Math.Max(1, (int)Math.Ceiling(fraction * order.Length));
        return HitsAt(order, labels, n) / (double)n / (total / (double)order.Length);
    }

    public static double Brier(IReadOnlyList<double> probabilities, IReadOnlyList<byte> labels)
    {
        double sum = 0;
        for (var i = 0; i < probabilities.Count; i++) { var d = probabilities[i] - labels[i]; sum += d * d; }
        return probabilities.Count == 0 ? double.NaN : sum / probabilities.Count;
    }

    /// <summary>Cumulative gains at every <paramref name="step"/> of the customer base (0 and 1 included).</summary>
    public static GainsPoint[] Gains(int[] order, IReadOnlyList<byte> labels, double step = 0.05)
    {
        var total = labels.Sum(l => (int)l);
        var points = new List<GainsPoint>();
        var steps = (int)Math.Round(1 / step);
        for (var s = 0; s <= steps; s++)
        {
            var n = (int)Math.Round(s * step * order.Length);
            points.Add(new GainsPoint(s * step, total == 0 ? 0 : HitsAt(order, labels, n) / (double)total));
        }
        return points.ToArray();
    }
}
