using RetailRec.Engine.Recommendations.Runs;
using RetailRec.Web.Components.Charts;

namespace RetailRec.Web.Components.Pages.Recommendations;

/// <summary>Chart traces of the Customer 360 page.</summary>
public static class CustomerCharts
{
    public static readonly ChartLayout TimelineLayout = new()
    {
        YAxis = ChartAxis.Titled("Spend (£)"),
        YAxis2 = new ChartAxis { Title = new ChartTitle("Invoices"), Overlaying = "y", Side = "right", ShowGrid = false, TickFormat = ",d", Type = "linear" },
        HoverMode = "x unified",
        Legend = new { orientation = "h", y = 1.14 },
    };

    /// <summary>Monthly spend as bars and invoices per month as markers on a second axis.</summary>
    public static ChartLayout LayoutFor(CustomerTimeline t) => TimelineLayout with
    {
        // Whole invoices only: the second axis starts at 0 and ends one above the busiest month.
        YAxis2 = TimelineLayout.YAxis2! with { Range = [0, (t.Months.Count == 0 ? 1 : t.Months.Max(m => m.Invoices)) + 1] },
    };

    public static IReadOnlyList<ChartTrace> Timeline(CustomerTimeline t)
    {
        var months = t.Months.Select(m => (object?)m.Month.ToString("yyyy-MM")).ToList();
        return
        [
            new ChartTrace { Type = "bar", Name = "Spend", X = months, Y = t.Months.Select(m => (object?)m.Spend).ToList(), HoverTemplate = "£%{y:,.2f}<extra>spend</extra>" },
            new ChartTrace { Type = "scatter", Mode = "markers+lines", Name = "Invoices", YAxis = "y2", X = months,
                Y = t.Months.Select(m => (object?)m.Invoices).ToList(), Line = new ChartLine { Dash = "dot", Width = 1.5 } },
        ];
    }
}
