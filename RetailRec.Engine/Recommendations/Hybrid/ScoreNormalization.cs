namespace RetailRec.Engine.Recommendations.Hybrid;

/// <summary>
/// Per-customer min-max scaling to [0, 1] over the rankable items, so models with different score scales
/// (counts, cosines, regression weights) can be blended with meaningful weights.
/// </summary>
public static class ScoreNormalization
{
    public static void MinMax(Span<float> scores, ReadOnlySpan<bool> rankable)
    {
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        for (var i = 0; i < scores.Length; i++)
        {
            if (!rankable[i]) continue;
            if (scores[i] < min) min = scores[i];
            if (scores[i] > max) max = scores[i];
        }
        var range = max - min;
        for (var i = 0; i < scores.Length; i++)
            scores[i] = rankable[i] && range > 0 ? (scores[i] - min) / range : 0;
    }
}
