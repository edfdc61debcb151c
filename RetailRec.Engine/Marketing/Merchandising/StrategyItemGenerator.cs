using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Recommendations;
using RetailRec.Engine.Marketing.Segmentation;

namespace RetailRec.Engine.Marketing.Merchandising;

/// <summary>
/// Generates user_strategy_items: one list per customer with a marketing segment, under that segment's strategy,
/// with relevance from any fitted <see cref="IRecommender"/>.
/// </summary>
public static class StrategyItemGenerator
{
    public static IReadOnlyList<UserStrategyItem> Generate(RetailLog log, IReadOnlyList<CustomerSegment> segments,
        SellThroughResult sellThrough, IReadOnlyList<MerchandisingStrategy>? strategies, IRecommender relevance,
        CustomerHistory history, IReadOnlyDictionary<string, IReadOnlyList<int>> segmentFavourites,
        IProgress<double>? progress = null, CancellationToken ct = default)
    {
        var builder = new StrategyListBuilder(sellThrough.Classes(), sellThrough.NeverSoldFlags());
        var scores = new float[log.ItemCount];
        var result = new List<UserStrategyItem>(segments.Count * 10);
        for (var k = 0; k < segments.Count; k++)
        {
            if ((k & 255) == 0) { ct.ThrowIfCancellationRequested(); progress?.Report(k / (double)segments.Count); }
            var seg = segments[k];
            var strategy = DefaultStrategies.For(seg.MarketingSegment, strategies);
            relevance.Score(seg.Customer, scores);
            var favourites = segmentFavourites.TryGetValue(seg.MarketingSegment, out var f) ? f : [];
            var picks = builder.Build(strategy, scores, history.Familiar(seg.Customer), history.Bought(seg.Customer), favourites);
            for (var r = 0; r < picks.Count; r++)
            {
                var p = picks[r];
                result.Add(new UserStrategyItem(seg.Customer, seg.CustomerId, seg.MarketingSegment, strategy.Name, r + 1, p.Item,
                    log.ItemCodes[p.Item], log.ItemDescriptions[p.Item], p.Source, p.Class, p.Score));
            }
        }
        progress?.Report(1);
        return result;
    }

    /// <summary>Segment favourites ranked by distinct buyers, from the marketing scheme's top items.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<int>> FavouritesBySegment(RetailLog log, SegmentationResult segmentation, int depth = 200) =>
        SegmentProfiler.TopItems(SegmentSchemes.Marketing, log, segmentation.AnalysisDate, segmentation.MarketingSegmentOf(), depth)
            .GroupBy(t => t.Segment)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.OrderBy(t => t.Rank).Select(t => t.Item).ToArray());
}
