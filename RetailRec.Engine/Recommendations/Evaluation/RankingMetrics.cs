namespace RetailRec.Engine.Recommendations.Evaluation;

/// <summary>
/// Top-K ranking metrics for one customer. <c>ranked</c> is the model's list (best first, at least K long when the
/// catalogue allows); <c>targets</c> is the set of distinct items the customer really bought.
/// </summary>
public static class RankingMetrics
{
    public static double RecallAt(IReadOnlyList<int> ranked, IReadOnlySet<int> targets, int k)
    {
        if (targets.Count == 0) return 0;
        return Hits(ranked, targets, k) / (double)targets.Count;
    }

    public static double PrecisionAt(IReadOnlyList<int> ranked, IReadOnlySet<int> targets, int k) =>
        Hits(ranked, targets, k) / (double)k;

    public static double HitRateAt(IReadOnlyList<int> ranked, IReadOnlySet<int> targets, int k) =>
        Hits(ranked, targets, k) > 0 ? 1 : 0;

    public static double MrrAt(IReadOnlyList<int> ranked, IReadOnlySet<int> targets, int k)
    {
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
            if (targets.Contains(ranked[i])) return 1.0 / (i + 1);
        return 0;
    }

    /// <summary>Binary-relevance NDCG; the ideal DCG uses min(|targets|, K) hits, so fewer targets than K can still score 1.</summary>
    public static double NdcgAt(IReadOnlyList<int> ranked, IReadOnlySet<int> targets, int k)
    {
        if (targets.Count == 0) return 0;
        double dcg = 0, idcg = 0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
            if (targets.Contains(ranked[i])) dcg += 1 / Math.Log2(i + 2);
        for (var i = 0; i < Math.Min(k, targets.Count); i++) idcg += 1 / Math.Log2(i + 2);
        return dcg / idcg;
    }

    private static int Hits(IReadOnlyList<int> ranked, IReadOnlySet<int> targets, int k)
    {
        var hits = 0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
            if (targets.Contains(ranked[i])) hits++;
        return hits;
    }
}
