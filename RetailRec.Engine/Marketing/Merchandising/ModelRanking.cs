using RetailRec.Engine.Recommendations.Evaluation;

namespace RetailRec.Engine.Marketing.Merchandising;

/// <summary>
/// The relevance model's ranking of the catalogue for one customer, computed lazily: the top slice by
/// <see cref="TopK"/> first (almost every list is filled from it), the full sort only when a list digs deeper.
/// Order: score descending, lower item index first on ties; NaN scores are never ranked.
/// </summary>
internal sealed class ModelRanking(float[] scores, int firstSlice)
{
    private int[] _order = TopK.Select(scores, firstSlice);
    private bool _full;

    public float ScoreOf(int item) => scores[item];

    /// <summary>The item at a rank position, or -1 past the end.</summary>
    public int At(int position)
    {
        if (position < _order.Length) return _order[position];
        if (_full) return -1;
        _full = true;
        var all = Enumerable.Range(0, scores.Length).Where(i => !float.IsNaN(scores[i])).ToArray();
        Array.Sort(all, (a, b) => scores[a] != scores[b] ? scores[b].CompareTo(scores[a]) : a.CompareTo(b));
        _order = all;
        return position < _order.Length ? _order[position] : -1;
    }
}
