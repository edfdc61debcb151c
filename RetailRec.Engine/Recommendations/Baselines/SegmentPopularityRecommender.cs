using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Engine.Recommendations.Baselines;

/// <summary>
/// Segment favourites: distinct buyers of each item among customers of the same segment (segmentation is another
/// feature's job, so the mapping comes in as a function; null = no segment). Customers without a segment, or whose
/// segment bought nothing, get global popularity. A fraction of global popularity breaks ties.
/// </summary>
public sealed class SegmentPopularityRecommender(Func<int, string?> segmentOf, int? windowDays = null) : IRecommender
{
    private readonly PopularityRecommender _global = new(windowDays);
    private Dictionary<string, int[]> _bySegment = [];
    private float[] _tieBreak = [];

    public string Name => "SegmentFavourites";
    public string Parameters => $"window={windowDays?.ToString() ?? "all"}";

    public void Fit(RetailLog train, IProgress<double>? progress, CancellationToken ct)
    {
        _global.Fit(train, null, ct);
        _tieBreak = new float[train.ItemCount];
        _global.Score(0, _tieBreak);
        var max = _tieBreak.Length == 0 ? 1 : Math.Max(1, _tieBreak.Max());
        for (var i = 0; i < _tieBreak.Length; i++) _tieBreak[i] /= max + 1;
        var from = windowDays is { } d ? Common.TrainingCatalogue.ReferenceTime(train).AddDays(-d) : DateTime.MinValue;
        _bySegment = [];
        var seen = new HashSet<(int, int)>();
        foreach (var b in train.Baskets)
        {
            if (b.Time <= from || segmentOf(b.Customer) is not { } seg) continue;
            var counts = _bySegment.TryGetValue(seg, out var c) ? c : _bySegment[seg] = new int[train.ItemCount];
            foreach (var i in b.Items) if (seen.Add((b.Customer, i))) counts[i]++;
        }
        progress?.Report(1);
    }

    public void Score(int customer, Span<float> scores)
    {
        if (segmentOf(customer) is not { } seg || !_bySegment.TryGetValue(seg, out var counts)) { _global.Score(customer, scores); return; }
        for (var i = 0; i < scores.Length; i++) scores[i] = counts[i] + _tieBreak[i];
    }

    public string Explain(int customer, int item) =>
        segmentOf(customer) is { } seg && _bySegment.TryGetValue(seg, out var counts)
            ? $"popular in your segment ({seg}): bought by {counts[item]} customers"
            : _global.Explain(customer, item);
}
