namespace RetailRec.Engine.Marketing.Segmentation;

/// <summary>
/// Rank-based 1..5 scores that never crash or mislabel on ties and tiny datasets.
/// Each value gets its mid-rank percentile p = (count below + half the count equal) / n, and the score is
/// ceil(5 p). Equal values therefore always share one score; one customer (or all-equal values) scores 3;
/// two distinct values score 2 and 4; three score 1, 3, 5. With many distinct values this is the usual quintile cut.
/// Heavy ties can leave a score unused (e.g. no F = 2 when a third of customers bought exactly once) - by design.
/// </summary>
public static class QuintileScorer
{
    public static int[] Score(IReadOnlyList<double> values)
    {
        var n = values.Count;
        var scores = new int[n];
        if (n == 0) return scores;
        var order = Enumerable.Range(0, n).ToArray();
        var keys = values.ToArray();
        Array.Sort(keys, order);
        var start = 0;
        while (start < n)
        {
            var end = start;
            while (end + 1 < n && keys[end + 1] == keys[start]) end++;
            var equal = end - start + 1;
            var p = (start + 0.5 * equal) / n;
            // The epsilon keeps exact boundaries (p = 0.2, 0.4, ...) in the lower quintile despite rounding.
            var score = Math.Clamp((int)Math.Ceiling(5 * p - 1e-9), 1, 5);
            for (var k = start; k <= end; k++) scores[order[k]] = score;
            start = end + 1;
        }
        return scores;
    }

    /// <summary>Scores where a LOWER value is better (recency): the score of the negated values.</summary>
    public static int[] ScoreReversed(IReadOnlyList<double> values) => Score(values.Select(v => -v).ToArray());
}
