using System.Text.Json.Serialization;

namespace RetailRec.Engine.Marketing.Merchandising;

[JsonConverter(typeof(JsonStringEnumConverter<StockClass>))]
public enum StockClass { Fast, Slow, Dead }

/// <summary>
/// Sell-through settings. The window is the <see cref="WindowDays"/> days before the analysis date; the previous
/// window (for the trend) is the same length just before it. An item is fast when its daily velocity reaches
/// <see cref="FastMinDailyVelocity"/> or, when that is null, the <see cref="FastPercentile"/> of the velocities of
/// items sold in the window (default: the median, so half the selling catalogue is fast).
/// </summary>
public sealed record SellThroughOptions(int WindowDays = 30, double FastPercentile = 0.5, double? FastMinDailyVelocity = null);

/// <summary>
/// One row of item_sellthrough. Velocity is units per day on sale in the window (an item first sold inside the window
/// counts only its days since that first sale, so launches are not penalised). <see cref="Trend"/> is the relative
/// change of units against the previous window (null when nothing sold then). Stock columns are null without a stock file.
/// </summary>
public sealed record ItemSellThrough(
    int Item,
    string StockCode,
    string Description,
    long UnitsSold,
    int Orders,
    int DistinctBuyers,
    double DailyVelocity,
    int? DaysSinceLastSale,
    long PreviousUnitsSold,
    double? Trend,
    StockClass Class,
    bool IsNew,
    bool NeverSold,
    int? OnHand = null,
    double? SellThroughPct = null,
    double? WeeksOfCover = null,
    int? ReceivedUnits = null,
    DateTime? ReceivedDate = null);

/// <summary>The per-item table plus the fast threshold actually used (for the UI to show and the user to override).</summary>
public sealed record SellThroughResult(DateTime AnalysisDate, SellThroughOptions Options, double FastThreshold,
    IReadOnlyList<ItemSellThrough> Items)
{
    public StockClass[] Classes() => Items.Select(i => i.Class).ToArray();
    public bool[] NeverSoldFlags() => Items.Select(i => i.NeverSold).ToArray();
}
