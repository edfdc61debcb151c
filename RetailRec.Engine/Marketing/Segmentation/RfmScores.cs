namespace RetailRec.Engine.Marketing.Segmentation;

/// <summary>Quintile scores of one customer (5 = best; recency reversed so recent buyers score high).</summary>
public readonly record struct RfmScores(int R, int F, int M)
{
    public string RfCode => $"{R}{F}";
    public string RfmCode => $"{R}{F}{M}";
}

public static class RfmScoring
{
    public static RfmScores[] Score(IReadOnlyList<CustomerFeatures> customers)
    {
        var r = QuintileScorer.ScoreReversed(customers.Select(c => (double)c.RecencyDays).ToArray());
        var f = QuintileScorer.Score(customers.Select(c => (double)c.Frequency).ToArray());
        var m = QuintileScorer.Score(customers.Select(c => c.Monetary).ToArray());
        var result = new RfmScores[customers.Count];
        for (var i = 0; i < result.Length; i++) result[i] = new RfmScores(r[i], f[i], m[i]);
        return result;
    }
}
