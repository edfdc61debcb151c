using System.Globalization;
using RetailRec.Engine.Marketing.Merchandising;
using RetailRec.Web.Components.Charts;

namespace RetailRec.Web.Components.Pages.Marketing;

/// <summary>Sell-through charts, aggregated on the server: counts per class and a binned velocity histogram.</summary>
public static class SellThroughCharts
{
    public static readonly StockClass[] Classes = [StockClass.Fast, StockClass.Slow, StockClass.Dead];

    public static IReadOnlyList<ChartTrace> ClassDistribution(IReadOnlyList<ItemSellThrough> items)
    {
        var counts = Classes.Select(c => items.Count(i => i.Class == c)).ToArray();
        var units = Classes.Select(c => items.Where(i => i.Class == c).Sum(i => i.UnitsSold)).ToArray();
        var total = Math.Max(1, items.Count);
        return
        [
            new ChartTrace
            {
                Type = "bar", X = Classes.Select(c => (object?)c.ToString()).ToList(), Y = counts.Select(c => (object?)c).ToList(),
                CustomData = Classes.Select(c => c.ToString()).ToList(),
                Text = counts.Select((c, i) => $"{c:N0} items ({c / (double)total:0%}) · {units[i]:N0} units in the window").ToList(), TextPosition = "none",
                HoverTemplate = "%{x}: %{text}<extra></extra>",
                Marker = new ChartMarker { Color = Classes.Select(MarketingDisplay.ClassColour).ToList() },
            },
        ];
    }

    /// <summary>
    /// Daily velocities span four orders of magnitude, so bins are equal on a log scale (half decades); items that
    /// sold nothing in the window get their own first bin. Stacked by class, so the fast threshold shows as the colour change.
    /// </summary>
    public static IReadOnlyList<ChartTrace> VelocityHistogram(IReadOnlyList<ItemSellThrough> items)
    {
        var positive = items.Where(i => i.DailyVelocity > 0).Select(i => i.DailyVelocity).ToList();
        var labels = new List<string> { "0" };
        var edges = new List<double>();
        if (positive.Count > 0)
        {
            var lo = Math.Floor(Math.Log10(positive.Min()) * PerDecade) / PerDecade;
            var hi = Math.Ceiling(Math.Log10(positive.Max()) * PerDecade) / PerDecade;
            if (hi <= lo) hi = lo + 1.0 / PerDecade;
            for (var e = lo; e <= hi + 1e-9; e += 1.0 / PerDecade) edges.Add(Math.Pow(10, e));
            for (var b = 0; b + 1 < edges.Count; b++) labels.Add($"{Short(edges[b])}–{Short(edges[b + 1])}");
        }
        int BinOf(double v)
        {
            if (v <= 0 || edges.Count < 2) return 0;
            var b = (int)Math.Floor((Math.Log10(v) - Math.Log10(edges[0])) * PerDecade + 1e-9);
            return 1 + Math.Clamp(b, 0, edges.Count - 2);
        }
        return Classes.Select(c =>
        {
            var counts = new int[labels.Count];
            foreach (var i in items) if (i.Class == c) counts[BinOf(i.DailyVelocity)]++;
            return new ChartTrace
            {
                Type = "bar", Name = c.ToString(), X = labels.Select(l => (object?)l).ToList(), Y = counts.Select(n => (object?)n).ToList(),
                Marker = new ChartMarker { Color = MarketingDisplay.ClassColour(c) },
                HoverTemplate = "%{y} " + c.ToString().ToLowerInvariant() + " items at %{x} units/day<extra></extra>",
            };
        }).ToList();
    }

    private const int PerDecade = 2;

    /// <summary>One significant figure: bin edges 0.03, 0.1, 0.3, 1, 3, 10, ... read at a glance.</summary>
    private static string Short(double v)
    {
        var digits = (int)Math.Floor(Math.Log10(v));
        var rounded = Math.Round(v / Math.Pow(10, digits)) * Math.Pow(10, digits);
        return rounded.ToString(digits >= 0 ? "0" : "0." + new string('#', -digits), CultureInfo.InvariantCulture);
    }
}
