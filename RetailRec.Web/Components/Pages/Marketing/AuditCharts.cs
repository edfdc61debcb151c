using RetailRec.Engine.Marketing.Merchandising;
using RetailRec.Engine.Marketing.Segmentation;
using RetailRec.Web.Components.Charts;

namespace RetailRec.Web.Components.Pages.Marketing;

/// <summary>The Audit page's charts: delivered stock mix against each strategy's slow band, and the relevance trade-off.</summary>
public static class AuditCharts
{
    public static string Label(StrategyAuditRow a) => MarketingDisplay.Segment(a.Segment);

    /// <summary>Rows in the segments' own order (best customers first), not alphabetically by strategy name.</summary>
    public static List<StrategyAuditRow> Ordered(IEnumerable<StrategyAuditRow> audit) =>
        audit.OrderBy(a => MarketingSegmentMap.Segments.ToList().IndexOf(a.Segment) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(a => a.Strategy, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Dead at the bottom, slow on it, fast on top: the top of the slow bar is the slow share (dead included) that the band
    /// constrains, and the band is drawn as a bracket (error bar) from its minimum to its maximum.
    /// </summary>
    public static IReadOnlyList<ChartTrace> MixAgainstBands(IReadOnlyList<StrategyAuditRow> audit)
    {
        var x = audit.Select(a => (object?)Label(a)).ToList();
        ChartTrace Bar(string name, string colour, Func<StrategyAuditRow, double> share, Func<StrategyAuditRow, int> count) => new()
        {
            Type = "bar", Name = name, X = x, Y = audit.Select(a => (object?)Math.Round(share(a), 4)).ToList(),
            Text = audit.Select(a => $"{count(a):N0} of {a.Slots:N0} slots").ToList(), TextPosition = "none",
            CustomData = audit.Select(a => a.Strategy).ToList(),
            Marker = new ChartMarker { Color = colour }, HoverTemplate = "%{customdata}<br>" + name + ": %{y:.1%} (%{text})<extra></extra>",
        };
        return
        [
            Bar("Dead", ChartPalette.Dead, a => a.DeadShare, a => a.DeadItems),
            Bar("Slow", ChartPalette.Slow, a => a.SlowShare - a.DeadShare, a => a.SlowItems),
            Bar("Fast", ChartPalette.Fast, a => a.FastShare, a => a.FastItems),
            new ChartTrace
            {
                Type = "scatter", Mode = "markers", Name = "Target slow band", X = x,
                Y = audit.Select(a => (object?)Math.Round((a.MinSlowShare + a.MaxSlowShare) / 2, 4)).ToList(),
                ErrorY = new ChartErrorBar
                {
                    Symmetric = true, Array = audit.Select(a => Math.Round((a.MaxSlowShare - a.MinSlowShare) / 2, 4)).ToList(),
                    Color = "#1f2a3c", Thickness = 2.5, Width = 22,
                },
                Marker = new ChartMarker { Color = "#1f2a3c", Size = 22, Symbol = "line-ew", Line = new ChartLine { Color = "#1f2a3c", Width = 1 } },
                Text = audit.Select(a => $"{a.MinSlowShare:0%}–{a.MaxSlowShare:0%}").ToList(),
                HoverTemplate = "Target slow band %{text}<extra></extra>",
            },
            new ChartTrace
            {
                Type = "scatter", Mode = "markers", Name = "Delivered slow share", X = x, Y = audit.Select(a => (object?)Math.Round(a.SlowShare, 4)).ToList(),
                Marker = new ChartMarker
                {
                    Symbol = "diamond", Size = 12, Color = audit.Select(a => a.Drift ? "#c8414b" : "#ffffff").ToList(),
                    Line = new ChartLine { Color = "#1f2a3c", Width = 1.5 },
                },
                Text = audit.Select(a => a.Drift ? "drift" : "in band").ToList(),
                HoverTemplate = "Delivered slow share %{y:.1%} (%{text})<extra></extra>",
            },
        ];
    }

    /// <summary>Relevance on the holdout against the slow share delivered, one point per target level; the model alone as the reference.</summary>
    public static IReadOnlyList<ChartTrace> TradeOff(TradeOffResult t)
    {
        var x = t.Points.Select(p => (object?)Math.Round(p.DeliveredSlowShare, 4)).ToList();
        var labels = t.Points.Select(p => $"target {p.TargetSlowShare:0%}").ToList();
        var k = t.Points.FirstOrDefault()?.K ?? 10;
        return
        [
            new ChartTrace
            {
                Type = "scatter", Mode = "lines+markers", Name = $"Recall@{k}", X = x, Y = t.Points.Select(p => (object?)Math.Round(p.RecallAtK, 5)).ToList(),
                Text = labels, Line = new ChartLine { Color = "#3b6fd8", Width = 2.5 },
                HoverTemplate = "%{text}: delivered %{x:.0%} slow<br>Recall@" + k + " %{y:.4f}<extra></extra>",
            },
            new ChartTrace
            {
                Type = "scatter", Mode = "lines+markers", Name = $"NDCG@{k}", X = x, Y = t.Points.Select(p => (object?)Math.Round(p.NdcgAtK, 5)).ToList(),
                Text = labels, Line = new ChartLine { Color = "#8a5cc7", Width = 2.5, Dash = "dot" },
                HoverTemplate = "%{text}: delivered %{x:.0%} slow<br>NDCG@" + k + " %{y:.4f}<extra></extra>",
            },
            new ChartTrace
            {
                Type = "scatter", Mode = "markers", Name = "Model alone", X = [Math.Round(t.ModelSlowShare, 4), Math.Round(t.ModelSlowShare, 4)],
                Y = [Math.Round(t.ModelRecallAtK, 5), Math.Round(t.ModelNdcgAtK, 5)], Text = [$"Recall@{k}", $"NDCG@{k}"],
                Marker = new ChartMarker { Symbol = "star", Size = 14, Color = "#d6455d" },
                HoverTemplate = "Model alone (no strategy): %{text} %{y:.4f} at %{x:.0%} slow<extra></extra>",
            },
        ];
    }

    /// <summary>Why a row is flagged, in words.</summary>
    public static string DriftReason(StrategyAuditRow a)
    {
        var reasons = new List<string>();
        if (a.SlowShare < a.MinSlowShare - 1e-9) reasons.Add($"slow share {MarketingDisplay.Pct(a.SlowShare, 1)} below the band's {MarketingDisplay.Pct(a.MinSlowShare)}");
        if (a.SlowShare > a.MaxSlowShare + 1e-9) reasons.Add($"slow share {MarketingDisplay.Pct(a.SlowShare, 1)} above the band's {MarketingDisplay.Pct(a.MaxSlowShare)}");
        if (!a.AllowDead && a.DeadItems > 0) reasons.Add($"{a.DeadItems:N0} dead items where none are allowed");
        return string.Join("; ", reasons);
    }
}
