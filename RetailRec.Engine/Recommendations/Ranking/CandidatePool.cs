using RetailRec.Engine.Recommendations.Evaluation;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Recommendations.Baselines;
using RetailRec.Engine.Recommendations.Common;
using RetailRec.Engine.Recommendations.Neighbourhood;
using RetailRec.Engine.Recommendations.Sequential;

namespace RetailRec.Engine.Recommendations.Ranking;

/// <summary>One customer's candidates with the scores and ranks of every source (rank 0 = not in that source's top list).</summary>
public sealed record Candidates(int Customer, int[] Items, float[] Tifu, float[] TifuRank, float[] Knn, float[] KnnRank, float[] Markov, float[] MarkovRank, float[] PopularRank);

/// <summary>
/// The items the ranker may put on a list: the customer's own past items (most recency-weighted first, up to
/// <see cref="RankerOptions.RepeatCandidates"/>), then, in turns, the next best item of TIFU-KNN, item-kNN, the
/// Markov chain from the last basket and 30-day popularity until the pool holds <see cref="RankerOptions.PoolSize"/>.
/// The ranker cannot find a target outside the pool, so its recall bounds the ranker's.
/// </summary>
public sealed class CandidatePool
{
    private readonly RankerOptions _options;
    private readonly RankerFeatureContext _context;
    private readonly TifuKnnRecommender _tifu = new(200, 0.95, 0.8);
    private readonly ItemKnnRecommender _knn = new(200);
    private readonly MarkovChainRecommender _markov = new();
    private readonly PopularityRecommender _popular = new(30);
    private readonly bool[] _rankable;
    private readonly int[] _popularTop;
    private readonly float[] _popularRankOf;

    public CandidatePool(RetailLog train, RankerFeatureContext context, RankerOptions options, CancellationToken ct)
    {
        _options = options;
        _context = context;
        _rankable = TrainingCatalogue.SeenItems(train);
        foreach (var m in new IRecommender[] { _tifu, _knn, _markov, _popular }) m.Fit(train, null, ct);
        var scores = new float[train.ItemCount];
        _popular.Score(0, scores);
        Mask(scores);
        _popularTop = TopK.Select(scores, options.SourceDepth);
        _popularRankOf = RankOf(_popularTop, train.ItemCount);
    }

    private int ItemCount => _rankable.Length;

    /// <summary>Popularity (0..1 of the best seller) for ordering items outside the pool.</summary>
    public void PopularityFallback(Span<float> scores) => _popular.Score(0, scores);

    public Candidates For(int customer)
    {
        var n = ItemCount;
        var tifu = new float[n]; var knn = new float[n]; var markov = new float[n];
        _tifu.Score(customer, tifu); _knn.Score(customer, knn); _markov.Score(customer, markov);
        Mask(tifu); Mask(knn); Mask(markov);
        var d = _options.SourceDepth;
        int[] tifuTop = TopK.Select(tifu, d), knnTop = TopK.Select(knn, d), markovTop = TopK.Select(markov, d);

        var pool = new List<int>(_options.PoolSize);
        var inPool = new HashSet<int>();
        foreach (var (item, _, _) in _context.BoughtItems(customer).Where(x => _rankable[x.Item])
                     .OrderByDescending(x => x.Weighted90).ThenBy(x => x.Item).Take(_options.RepeatCandidates))
            if (inPool.Add(item)) pool.Add(item);
        var sources = new[] { tifuTop, knnTop, markovTop, _popularTop };
        var next = new int[sources.Length];
        while (pool.Count < _options.PoolSize && next.Where((p, s) => p < sources[s].Length).Any())
            for (var s = 0; s < sources.Length && pool.Count < _options.PoolSize; s++)
                while (next[s] < sources[s].Length)
                {
                    var item = sources[s][next[s]++];
                    if (inPool.Add(item)) { pool.Add(item); break; }
                }

        var items = pool.ToArray();
        float[] Pick(float[] all) => items.Select(i => all[i]).ToArray();
        float[] Ranks(int[] top) { var r = RankOf(top, n); return items.Select(i => r[i]).ToArray(); }
        return new Candidates(customer, items, Pick(tifu), Ranks(tifuTop), Pick(knn), Ranks(knnTop), Pick(markov), Ranks(markovTop),
            items.Select(i => _popularRankOf[i]).ToArray());
    }

    /// <summary>Writes the collaborative and sequential columns of candidate <paramref name="k"/>.</summary>
    public static void FillSources(Candidates c, int k, Span<float> row)
    {
        row[(int)RankerFeature.TifuScore] = c.Tifu[k];
        row[(int)RankerFeature.TifuRank] = c.TifuRank[k];
        row[(int)RankerFeature.ItemKnnScore] = c.Knn[k];
        row[(int)RankerFeature.ItemKnnRank] = c.KnnRank[k];
        row[(int)RankerFeature.MarkovScore] = c.Markov[k];
        row[(int)RankerFeature.MarkovRank] = c.MarkovRank[k];
        row[(int)RankerFeature.PopularRank] = c.PopularRank[k];
    }

    private void Mask(float[] scores)
    {
        for (var i = 0; i < scores.Length; i++) if (!_rankable[i]) scores[i] = float.NaN;
    }

    // Rank 1 = the source's best item; items past its top list get Missing, which the trees learn as "not suggested".
    private static float[] RankOf(int[] top, int n)
    {
        var r = new float[n];
        Array.Fill(r, RankerFeatures.Missing);
        for (var k = 0; k < top.Length; k++) r[top[k]] = k + 1;
        return r;
    }
}
