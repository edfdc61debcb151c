using RetailRec.Engine.Promotions.Runs;
using RetailRec.Engine.Promotions.Calibration;
using RetailRec.Engine.Promotions.Campaigns;
using RetailRec.Engine.Promotions.Evaluation;
using RetailRec.Web.Components.Charts;

namespace RetailRec.Web.Components.Pages.Campaigns;

/// <summary>Plotly traces and layouts of the Campaigns page (pure functions of stored results).</summary>
public static class PromotionCharts
{
    private const string Grey = "#9aa7bd";

    /// <summary>Revenue, costs and profit of the three audiences, grouped by figure.</summary>
    public static IReadOnlyList<ChartTrace> Totals(CampaignPlan plan, bool incremental)
    {
        string[] figures = incremental
            ? ["Expected revenue", "Discount cost", "Message cost", "Expected profit", "Incremental profit"]
            : ["Expected revenue", "Discount cost", "Message cost", "Expected profit"];
        ChartTrace Trace(CampaignTotals t, string name, int colour) => new()
        {
            Type = "bar", Name = name, X = figures.Select(f => (object?)f).ToList(),
            Y = figures.Select(f => (object?)Math.Round(f switch
            {
                "Expected revenue" => t.ExpectedRevenue,
                "Discount cost" => t.DiscountCost,
                "Message cost" => t.MessageCost,
                "Expected profit" => t.ExpectedProfit,
                _ => t.IncrementalProfit ?? 0,
            }, 2)).ToList(),
            Marker = new ChartMarker { Color = ChartPalette.Colors[colour] },
            HoverTemplate = name + "<br>%{x}: £%{y:,.0f}<extra></extra>",
        };
        return [Trace(plan.Targeted, "Targeted", 0), Trace(plan.Broadcast, "Broadcast (everyone eligible)", 1), Trace(plan.RandomAudience, "Random audience, same size", 7)];
    }

    public static readonly ChartLayout TotalsLayout = new()
    {
        BarMode = "group", YAxis = new ChartAxis { Title = new ChartTitle("£"), TickFormat = ",.0f" },
        Legend = new { orientation = "h", y = 1.15 },
    };

    /// <summary>Cumulative gains of the model and the baselines, with random targeting and broadcasting for reference.</summary>
    public static IReadOnlyList<ChartTrace> Gains(BacktestResult r) =>
    [
        GainsTrace("Propensity model", r.Model.Gains, 0, null),
        GainsTrace("Top customers by spend", r.TopSpenders.Gains, 1, "dash"),
        GainsTrace("Past buyers", r.PastBuyers.Gains, 2, "dot"),
        new ChartTrace { Type = "scatter", Mode = "lines", Name = "Random", X = [0.0, 1.0], Y = [0.0, 1.0], Line = new ChartLine { Color = Grey, Dash = "dash", Width = 1 } },
        new ChartTrace
        {
            Type = "scatter", Mode = "markers", Name = "Broadcast (everyone)", X = [1.0], Y = [1.0],
            Marker = new ChartMarker { Color = "#16213a", Size = 10 }, HoverTemplate = "Broadcast: contact 100 %, reach 100 % of buyers<extra></extra>",
        },
    ];

    private static ChartTrace GainsTrace(string name, IReadOnlyList<GainsPoint> points, int colour, string? dash) => new()
    {
        Type = "scatter", Mode = "lines", Name = name,
        X = points.Select(p => (object?)p.Contacted).ToList(), Y = points.Select(p => (object?)Math.Round(p.BuyersReached, 4)).ToList(),
        Line = new ChartLine { Color = ChartPalette.Colors[colour], Dash = dash, Width = 2.5 },
        HoverTemplate = name + "<br>contact %{x:.0%} → reach %{y:.0%} of buyers<extra></extra>",
    };

    public static readonly ChartLayout GainsLayout = new()
    {
        XAxis = new ChartAxis { Title = new ChartTitle("Share of customers contacted (best first)"), TickFormat = ".0%", Range = [0, 1.03] },
        YAxis = new ChartAxis { Title = new ChartTitle("Share of buyers reached"), TickFormat = ".0%", Range = [0, 1.05] },
        Legend = new { orientation = "h", y = -0.25 },
    };

    /// <summary>The backtest's out-of-sample check: raw, Platt and isotonic probabilities against the test window.</summary>
    public static IReadOnlyList<ChartTrace> Reliability(CalibrationResult c) => WithDiagonal(
    [
        ReliabilityTrace($"Raw model (Brier {c.BrierRaw:0.0000})", c.Raw, 0),
        ReliabilityTrace($"Platt (Brier {c.BrierPlatt:0.0000})", c.Platt, 1),
        ReliabilityTrace($"Isotonic (Brier {c.BrierIsotonic:0.0000})", c.Isotonic, 2),
    ], c.Raw.Concat(c.Platt).Concat(c.Isotonic));

    /// <summary>A campaign model's raw and calibrated probabilities on its validation window.</summary>
    public static IReadOnlyList<ChartTrace> Reliability(CalibrationReport c) => WithDiagonal(
    [
        ReliabilityTrace($"Raw model (Brier {c.BrierRaw:0.0000})", c.Raw, 0),
        ReliabilityTrace($"{c.Method} calibrated (Brier {c.BrierCalibrated:0.0000})", c.Calibrated, 1),
    ], c.Raw.Concat(c.Calibrated));

    private static IReadOnlyList<ChartTrace> WithDiagonal(List<ChartTrace> traces, IEnumerable<ReliabilityBin> bins)
    {
        var max = Math.Max(0.01, bins.Select(b => Math.Max(b.MeanPredicted, b.ObservedRate)).DefaultIfEmpty(0.01).Max());
        traces.Add(new ChartTrace { Type = "scatter", Mode = "lines", Name = "Perfect calibration", X = [0.0, max], Y = [0.0, max], Line = new ChartLine { Color = Grey, Dash = "dash", Width = 1 } });
        return traces;
    }

    private static ChartTrace ReliabilityTrace(string name, IReadOnlyList<ReliabilityBin> bins, int colour) => new()
    {
        Type = "scatter", Mode = "lines+markers", Name = name,
        X = bins.Select(b => (object?)Math.Round(b.MeanPredicted, 5)).ToList(), Y = bins.Select(b => (object?)Math.Round(b.ObservedRate, 5)).ToList(),
        Text = bins.Select(b => $"{b.Count:N0} customer-product pairs").ToList(),
        Line = new ChartLine { Color = ChartPalette.Colors[colour] },
        HoverTemplate = "predicted %{x:.2%} → observed %{y:.2%}<br>%{text}<extra></extra>",
    };

    public static readonly ChartLayout ReliabilityLayout = new()
    {
        XAxis = new ChartAxis { Title = new ChartTitle("Mean predicted probability (10 equal-count bins)"), TickFormat = ".1%" },
        YAxis = new ChartAxis { Title = new ChartTitle("Observed buyer rate"), TickFormat = ".1%" },
        // Inside the top-left corner, which the curves (near the diagonal) leave empty; below the axis it hits the title.
        Legend = new { x = 0.02, y = 0.98, xanchor = "left", yanchor = "top", bgcolor = "rgba(255,255,255,0.85)" },
    };

    /// <summary>Qini (or uplift) curves of the uplift models on the held-out promotion, with the random-targeting line.</summary>
    public static IReadOnlyList<ChartTrace> UpliftCurves(UpliftReport r, bool qini)
    {
        var traces = r.Models.Select((m, k) => new ChartTrace
        {
            Type = "scatter", Mode = "lines", Name = m.Model,
            X = m.Curve.Select(p => (object?)p.Share).ToList(), Y = m.Curve.Select(p => (object?)Math.Round(qini ? p.Qini : p.Uplift, 3)).ToList(),
            Line = new ChartLine { Color = ChartPalette.Colors[k == 0 ? 0 : 4], Width = 2.5 },
            HoverTemplate = m.Model + "<br>top %{x:.0%}: %{y:.1f} incremental buyers<extra></extra>",
        }).ToList();
        var end = r.Models[0].Curve[^1];
        traces.Add(new ChartTrace
        {
            Type = "scatter", Mode = "lines", Name = "Random targeting", X = [0.0, 1.0], Y = [0.0, Math.Round(qini ? end.Qini : end.Uplift, 3)],
            Line = new ChartLine { Color = Grey, Dash = "dash", Width = 1 },
        });
        return traces;
    }

    public static ChartLayout UpliftLayout(bool qini) => new()
    {
        XAxis = new ChartAxis { Title = new ChartTitle("Share of customers targeted (highest predicted uplift first)"), TickFormat = ".0%" },
        YAxis = ChartAxis.Titled(qini ? "Qini: incremental buyers" : "Uplift curve: incremental buyers"),
        Legend = new { orientation = "h", y = -0.25 },
    };
}
