namespace RetailRec.Engine.Recommendations.Ranking;

/// <summary>
/// The columns of one (customer, item) row, in vector order. Values that do not exist (no earlier purchase, no
/// interval yet) are written as <see cref="RankerFeatures.Missing"/> (-1), not NaN, so the tree model and any reader
/// of the row agree on where they go.
/// </summary>
public enum RankerFeature
{
    // Repeat signals: this customer and this item.
    BasketsWithItem, RecencyWeighted30, RecencyWeighted90, RecencyWeighted365, DaysSinceBought, MeanIntervalDays,
    DueRatio, ShareOfBaskets, MeanQuantity,
    // Item signals.
    Buyers, Buyers7, Buyers30, Buyers90, Trend, DaysSinceItemSold, DaysSinceItemFirstSold, ItemRepeatRate, Price,
    // Customer signals (recency, frequency, monetary: the inputs of the RFM segment, computed before the cutoff).
    CustomerBaskets, DaysSinceLastBasket, MeanBasketGapDays, MeanBasketSize, CustomerRepeatShare, CustomerSpend,
    // Collaborative and sequential scores, their ranks, and seasonality.
    TifuScore, TifuRank, ItemKnnScore, ItemKnnRank, MarkovScore, MarkovRank, PopularRank,
    BoughtSameWeeksLastYear, ItemBuyersSameWeeksLastYear,
}

public static class RankerFeatures
{
    public const float Missing = -1;
    public static readonly int Count = Enum.GetValues<RankerFeature>().Length;
    public static readonly string[] Names = Enum.GetNames<RankerFeature>();
}
