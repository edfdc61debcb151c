namespace RetailRec.Engine.Promotions.Evaluation;

/// <summary>How well one scoring of all customers predicted who bought: the backtest table's row for one method.</summary>
public sealed record ScoreMetrics(double PrecisionAtN, double RecallAtN, double RocAuc, double PrAuc, double LiftAt10, double Brier, GainsPoint[] Gains)
{
    /// <param name="probabilities">True when the scores are probabilities (then the Brier score is meaningful).</param>
    public static ScoreMetrics Of(IReadOnlyList<double> scores, IReadOnlyList<byte> labels, int n, bool probabilities)
    {
        var order = BinaryMetrics.RankDescending(scores);
        return new ScoreMetrics(
            BinaryMetrics.PrecisionAt(order, labels, n), BinaryMetrics.RecallAt(order, labels, n),
            BinaryMetrics.RocAuc(scores, labels), BinaryMetrics.AveragePrecision(scores, labels),
            BinaryMetrics.LiftAt(order, labels, 0.10), probabilities ? BinaryMetrics.Brier(scores, labels) : double.NaN,
            BinaryMetrics.Gains(order, labels));
    }

    /// <summary>Mean of each metric over the products where it is defined (a product without buyers has no AUC).</summary>
    public static ScoreMetrics Average(IReadOnlyCollection<ScoreMetrics> all)
    {
        static double Mean(IEnumerable<double> xs) => xs.Where(x => !double.IsNaN(x)).DefaultIfEmpty(double.NaN).Average();
        var gains = all.Count == 0 ? [] : all.First().Gains.Select((g, k) => new GainsPoint(g.Contacted, all.Average(m => m.Gains[k].BuyersReached))).ToArray();
        return new ScoreMetrics(Mean(all.Select(m => m.PrecisionAtN)), Mean(all.Select(m => m.RecallAtN)), Mean(all.Select(m => m.RocAuc)),
            Mean(all.Select(m => m.PrAuc)), Mean(all.Select(m => m.LiftAt10)), Mean(all.Select(m => m.Brier)), gains);
    }
}
