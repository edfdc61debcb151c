using static RetailRec.Engine.Recommendations.Ranking.RankerFeature;

namespace RetailRec.Engine.Recommendations.Ranking;

/// <summary>
/// Turns a row's feature contributions into a sentence. Features are pooled into the signals a customer understands
/// (your own repeat rhythm, selling fast, new in, similar customers, after the last order, last year); the signal with
/// the largest positive contribution speaks, and a second one joins when it is at least half as strong. Customer-only
/// features are left out: they are the same for every item on the list, so they cannot say why this item.
/// </summary>
public static class RankerReasons
{
    private static readonly (string Signal, RankerFeature[] Features)[] Signals =
    [
        ("repeat", [DueRatio, MeanIntervalDays, DaysSinceBought, BasketsWithItem, RecencyWeighted30, RecencyWeighted90,
                    RecencyWeighted365, ShareOfBaskets, MeanQuantity]),
        ("fast", [Buyers7, Buyers30, Trend]),
        ("steady", [Buyers, Buyers90, ItemRepeatRate, PopularRank]),
        ("new", [DaysSinceItemFirstSold, DaysSinceItemSold]),
        ("similar", [TifuScore, TifuRank, ItemKnnScore, ItemKnnRank]),
        ("markov", [MarkovScore, MarkovRank]),
        ("season", [BoughtSameWeeksLastYear, ItemBuyersSameWeeksLastYear]),
    ];

    public static string Describe(ReadOnlySpan<float> row, ReadOnlySpan<float> contributions)
    {
        var strengths = new List<(string Signal, float Value)>();
        foreach (var (signal, features) in Signals)
        {
            var sum = 0f;
            foreach (var f in features) sum += contributions[(int)f];
            if (sum > 0) strengths.Add((signal, sum));
        }
        strengths.Sort((a, b) => b.Value.CompareTo(a.Value));
        var texts = new List<string>();
        foreach (var (signal, value) in strengths.Take(2))
        {
            if (texts.Count == 1 && value < strengths[0].Value / 2) break;
            if (Text(signal, row.ToArray()) is { } t) texts.Add(t);
        }
        return texts.Count == 0 ? "ranked high for you by the learned ranker" : string.Join("; ", texts);
    }

    private static string? Text(string signal, float[] r)
    {
        float V(RankerFeature f) => r[(int)f];
        return signal switch
        {
            // Own history speaks as "due" when about one usual interval (or up to three) has passed, else as a habit.
            "repeat" when V(MeanIntervalDays) > 0 && V(DueRatio) is >= 0.75f and <= 3f =>
                $"due again: you buy this about every {Span(V(MeanIntervalDays))}, last {Span(V(DaysSinceBought))} ago",
            "repeat" when V(BasketsWithItem) >= 2 =>
                $"one of your regulars: in {V(BasketsWithItem):0} of your {V(CustomerBaskets):0} orders",
            "repeat" when V(BasketsWithItem) == 1 => $"you bought this {Span(V(DaysSinceBought))} ago",
            "fast" when V(Trend) >= 1.2f => $"selling fast this month: {V(Buyers30):0} buyers in 30 days, {V(Trend):0.0}x the month before",
            "fast" => $"selling fast this month: {V(Buyers30):0} buyers in 30 days",
            "steady" when V(ItemRepeatRate) >= 0.3f => $"a steady seller: {V(ItemRepeatRate):P0} of its buyers buy it again",
            "steady" => $"a best seller: {V(Buyers):0} customers bought it",
            "new" when V(DaysSinceItemFirstSold) is >= 0 and <= 60 => $"new in: first sold {Span(V(DaysSinceItemFirstSold))} ago",
            "similar" => "customers with baskets like yours buy this",
            "markov" => "often ordered right after what you bought last time",
            "season" when V(BoughtSameWeeksLastYear) > 0 => "you bought this at this time last year",
            "season" => $"in season: {V(ItemBuyersSameWeeksLastYear):0} customers bought it in these weeks last year",
            _ => null,
        };
    }

    private static string Span(float days) =>
        days < 14 ? $"{Math.Max(1, Math.Round(days)):0} day{(Math.Round(days) == 1 ? "" : "s")}" : $"{Math.Round(days / 7):0} weeks";
}
