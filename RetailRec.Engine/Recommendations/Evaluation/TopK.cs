namespace RetailRec.Engine.Recommendations.Evaluation;

public static class TopK
{
    /// <summary>Indexes of the k highest scores, best first; ties broken by the lower index so results are deterministic.</summary>
    public static int[] Select(ReadOnlySpan<float> scores, int k, Func<int, bool>? allowed = null)
    {
        k = Math.Min(k, scores.Length);
        if (k <= 0) return [];
        // A small sorted buffer: k is tiny (<= 50) against thousands of items, so insertion beats a heap here.
        var idx = new int[k];
        var val = new float[k];
        var n = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var s = scores[i];
            if (float.IsNaN(s) || (allowed is not null && !allowed(i))) continue;
            if (n == k && !(s > val[n - 1])) continue;
            var pos = n < k ? n++ : k - 1;
            while (pos > 0 && s > val[pos - 1]) { idx[pos] = idx[pos - 1]; val[pos] = val[pos - 1]; pos--; }
            idx[pos] = i; val[pos] = s;
        }
        return n == k ? idx : idx[..n];
    }
}
