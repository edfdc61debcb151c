using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Engine.Marketing.Merchandising;

/// <summary>
/// Per-item sell-through over the rolling window before the analysis date (docs/DEFINITIONS.md, "Sell-through").
/// Dead = no sale in the window, whether the item sold earlier or never; never-sold items are flagged so
/// strategies can exclude them entirely.
/// </summary>
public static class SellThroughCalculator
{
    public static SellThroughResult Compute(RetailLog log, DateTime analysisDate, SellThroughOptions? options = null,
        IReadOnlyList<StockRecord>? stock = null)
    {
        options ??= new SellThroughOptions();
        if (options.WindowDays < 1) throw new ArgumentOutOfRangeException(nameof(options), "the window must be at least one day");
        var n = log.ItemCount;
        var from = analysisDate.AddDays(-options.WindowDays);
        var prevFrom = from.AddDays(-options.WindowDays);
        var units = new long[n];
        var prevUnits = new long[n];
        var orders = new int[n];
        var buyers = new HashSet<int>?[n];
        var first = new DateTime[n];
        var last = new DateTime[n];
        Array.Fill(first, DateTime.MaxValue);
        Array.Fill(last, DateTime.MinValue);
        var itemBaskets = new HashSet<(int Item, int Basket)>();

        foreach (var l in log.Lines)
        {
            if (l.Time >= analysisDate) continue;
            var i = l.Item;
            if (l.Time < first[i]) first[i] = l.Time;
            if (l.Time > last[i]) last[i] = l.Time;
            if (l.Time >= from)
            {
                units[i] += l.Quantity;
                if (itemBaskets.Add((i, l.Basket))) orders[i]++; // an item twice in one invoice is one order
                (buyers[i] ??= []).Add(l.Customer);
            }
            else if (l.Time >= prevFrom) prevUnits[i] += l.Quantity;
        }

        var velocity = new double[n];
        for (var i = 0; i < n; i++)
        {
            if (units[i] == 0) continue;
            var daysOnSale = Math.Min(options.WindowDays, Math.Max(1, (analysisDate - first[i]).TotalDays));
            velocity[i] = units[i] / daysOnSale;
        }
        var threshold = options.FastMinDailyVelocity ?? Percentile(velocity.Where((_, i) => units[i] > 0).ToArray(), options.FastPercentile);

        var stockByItem = StockJoin.ByItem(log, stock);
        var items = new ItemSellThrough[n];
        for (var i = 0; i < n; i++)
        {
            var cls = units[i] == 0 ? StockClass.Dead : velocity[i] >= threshold ? StockClass.Fast : StockClass.Slow;
            var row = new ItemSellThrough(i, log.ItemCodes[i], log.ItemDescriptions[i], units[i], orders[i], buyers[i]?.Count ?? 0,
                velocity[i], last[i] == DateTime.MinValue ? null : (analysisDate.Date - last[i].Date).Days, prevUnits[i],
                prevUnits[i] > 0 ? (units[i] - prevUnits[i]) / (double)prevUnits[i] : null,
                cls, IsNew: first[i] >= from && first[i] != DateTime.MaxValue, NeverSold: first[i] == DateTime.MaxValue);
            items[i] = stockByItem.TryGetValue(i, out var s) ? StockJoin.Apply(row, s, log, analysisDate, from) : row;
        }
        return new SellThroughResult(analysisDate, options, threshold, items);
    }

    /// <summary>Nearest-rank percentile (p in [0, 1]); an empty set gives +infinity so nothing is fast.</summary>
    internal static double Percentile(double[] values, double p)
    {
        if (values.Length == 0) return double.PositiveInfinity;
        Array.Sort(values);
        var rank = (int)Math.Ceiling(Math.Clamp(p, 0, 1) * values.Length) - 1;
        return values[Math.Clamp(rank, 0, values.Length - 1)];
    }
}
