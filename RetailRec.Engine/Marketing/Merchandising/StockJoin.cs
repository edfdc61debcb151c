using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Engine.Marketing.Merchandising;

/// <summary>Joins stock rows to items and turns the sales profile into true sell-through and weeks of cover.</summary>
internal static class StockJoin
{
    /// <summary>Stock rows by item index; codes that are not in the log are ignored (see <see cref="UnknownCodes"/>).</summary>
    public static Dictionary<int, StockRecord> ByItem(RetailLog log, IReadOnlyList<StockRecord>? stock)
    {
        var result = new Dictionary<int, StockRecord>();
        if (stock is null) return result;
        foreach (var s in stock)
            if (log.ItemIndexOf(s.StockCode) is { } i) result[i] = s;
        return result;
    }

    public static IReadOnlyList<string> UnknownCodes(RetailLog log, IReadOnlyList<StockRecord>? stock) =>
        stock is null ? [] : stock.Where(s => log.ItemIndexOf(s.StockCode) is null).Select(s => s.StockCode).ToList();

    /// <summary>
    /// Sell-through % = sold / (sold + on hand), where "sold" counts the window's units, or the units since the
    /// received date when the file gives one. Weeks of cover = on hand / (7 x daily velocity); null when nothing sells.
    /// </summary>
    public static ItemSellThrough Apply(ItemSellThrough row, StockRecord s, RetailLog log, DateTime analysisDate, DateTime windowStart)
    {
        var sold = row.UnitsSold;
        if (s.ReceivedDate is { } received)
        {
            sold = 0;
            foreach (var l in log.Lines)
                if (l.Item == row.Item && l.Time >= received && l.Time < analysisDate) sold += l.Quantity;
        }
        double? pct = sold + s.OnHand > 0 ? sold / (double)(sold + s.OnHand) : null;
        double? cover = row.DailyVelocity > 0 ? s.OnHand / (7 * row.DailyVelocity) : null;
        return row with { OnHand = s.OnHand, SellThroughPct = pct, WeeksOfCover = cover, ReceivedUnits = s.ReceivedUnits, ReceivedDate = s.ReceivedDate };
    }
}
