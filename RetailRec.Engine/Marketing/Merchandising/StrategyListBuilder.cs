namespace RetailRec.Engine.Marketing.Merchandising;

/// <summary>
/// Builds one customer's list under a strategy. Sources take turns by smooth weighted round-robin on their shares;
/// each turn takes the source's next candidate that is eligible and keeps the slow band reachable:
/// a slow (or dead) item only while fewer than the maximum are in, a fast item only while enough slots remain for
/// the slow items still required. Both conditions only ever tighten, so a skipped candidate never becomes valid
/// later and every source is a simple forward cursor. When all sources run dry the model ranking fills the rest.
/// </summary>
public sealed class StrategyListBuilder
{
    private readonly StockClass[] _classes;
    private readonly bool[] _neverSold;
    private readonly int[] _eligible = new int[2];      // by AllowDead: eligible items
    private readonly int[] _eligibleSlow = new int[2];  // by AllowDead: eligible slow (+ dead) items

    public StrategyListBuilder(StockClass[] classes, bool[] neverSold)
    {
        _classes = classes;
        _neverSold = neverSold;
        for (var i = 0; i < classes.Length; i++)
            for (var dead = 0; dead < 2; dead++)
                if (IsEligible(i, dead == 1))
                {
                    _eligible[dead]++;
                    if (classes[i] != StockClass.Fast) _eligibleSlow[dead]++;
                }
    }

    private bool IsEligible(int item, bool allowDead) => !_neverSold[item] && (allowDead || _classes[item] != StockClass.Dead);

    /// <summary>The slow-count band a list for <paramref name="s"/> is held to, after catalogue limits.</summary>
    public (int Length, int MinSlow, int MaxSlow) Targets(MerchandisingStrategy s)
    {
        var d = s.AllowDead ? 1 : 0;
        var n = Math.Min(s.ListLength, _eligible[d]);
        var (min, max) = SlowBand.For(s, n);
        return (n, Math.Min(min, _eligibleSlow[d]), max);
    }

    public List<StrategyPick> Build(MerchandisingStrategy s, float[] scores, IReadOnlyList<int> familiar,
        IReadOnlySet<int> boughtBefore, IReadOnlyList<int> segmentFavourites)
    {
        var (n, minSlow, maxSlow) = Targets(s);
        var ranking = new ModelRanking(scores, Math.Min(scores.Length, 5 * n + 16));
        var picks = new List<StrategyPick>(n);
        var picked = new HashSet<int>();
        var slow = 0;

        bool Accept(int item)
        {
            if (item < 0 || picked.Contains(item) || !IsEligible(item, s.AllowDead)) return false;
            if (_classes[item] != StockClass.Fast) return slow < maxSlow;
            return n - picks.Count - 1 >= minSlow - slow;
        }

        void Take(int item, PickSource source)
        {
            picked.Add(item);
            if (_classes[item] != StockClass.Fast) slow++;
            picks.Add(new StrategyPick(item, source, _classes[item], ranking.ScoreOf(item)));
        }

        StrategyPick? newThing = null;
        if (s.OneNewThing && n > 0)
            for (var pos = 0; ranking.At(pos) is var item && item >= 0; pos++)
                if (!boughtBefore.Contains(item) && Accept(item))
                {
                    Take(item, PickSource.NewThing);
                    newThing = picks[0];
                    break;
                }

        var cursors = new int[3];
        var sources = new (PickSource Source, double Weight, Func<int, int> At)[]
        {
            (PickSource.Model, s.ModelShare, ranking.At),
            (PickSource.Familiar, s.FamiliarShare, p => p < familiar.Count ? familiar[p] : -1),
            (PickSource.Segment, s.SegmentShare, p => p < segmentFavourites.Count ? segmentFavourites[p] : -1),
        };
        var active = sources.Select(x => x.Weight > 0).ToArray();
        var credit = new double[3];
        var fallback = 0;
        while (picks.Count < n)
        {
            var chosen = -1;
            var total = 0.0;
            for (var k = 0; k < 3; k++)
            {
                if (!active[k]) continue;
                credit[k] += sources[k].Weight;
                total += sources[k].Weight;
                if (chosen < 0 || credit[k] > credit[chosen]) chosen = k;
            }
            if (chosen < 0)
            {
                // Every source ran dry: the model ranking fills the remaining slots, still within the band.
                int item;
                while ((item = ranking.At(fallback)) >= 0 && !Accept(item)) fallback++;
                if (item < 0) break; // nothing acceptable is left: a short list
                Take(item, PickSource.Fallback);
                continue;
            }
            credit[chosen] -= total;
            var (source, _, at) = sources[chosen];
            int candidate;
            while ((candidate = at(cursors[chosen])) >= 0 && !Accept(candidate)) cursors[chosen]++;
            if (candidate < 0) { active[chosen] = false; credit[chosen] = 0; continue; }
            cursors[chosen]++;
            Take(candidate, source);
        }

        if (newThing is { } nt) { picks.Remove(nt); picks.Add(nt); } // the discovery slot is shown last
        return picks;
    }
}
