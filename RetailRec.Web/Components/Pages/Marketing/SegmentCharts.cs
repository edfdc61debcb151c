using RetailRec.Engine.Marketing.Runs;
using RetailRec.Engine.Marketing.Segmentation;
using RetailRec.Web.Components.Charts;

namespace RetailRec.Web.Components.Pages.Marketing;

/// <summary>Builds the Segments page's traces on the server: the browser only ever receives capped, aggregated data.</summary>
public static class SegmentCharts
{
    public static string SegmentOf(CustomerRow c, string scheme) => scheme switch
    {
        SegmentSchemes.Grid => c.GridSegment,
        SegmentSchemes.Cluster => c.ClusterName,
        _ => c.Segment,
    };

    public static IReadOnlyList<ChartTrace> ShareBars(IReadOnlyList<SegmentProfile> profiles)
    {
        var names = profiles.Select(p => (object?)MarketingDisplay.Segment(p.Segment)).ToList();
        var keys = profiles.Select(p => p.Segment).ToList();
        return
        [
            new ChartTrace
            {
                Type = "bar", Name = "Share of customers", X = names, Y = profiles.Select(p => (object?)Math.Round(p.CustomerShare, 4)).ToList(),
                CustomData = keys, Text = profiles.Select(p => $"{p.Customers:N0} customers").ToList(), TextPosition = "none",
                HoverTemplate = "%{x}: %{y:.1%} of customers (%{text})<extra></extra>", Marker = new ChartMarker { Color = "#3b6fd8" },
            },
            new ChartTrace
            {
                Type = "bar", Name = "Share of revenue", X = names, Y = profiles.Select(p => (object?)Math.Round(p.RevenueShare, 4)).ToList(),
                CustomData = keys, Text = profiles.Select(p => Shared.Format.Money(p.Revenue)).ToList(), TextPosition = "none",
                HoverTemplate = "%{x}: %{y:.1%} of revenue (%{text})<extra></extra>", Marker = new ChartMarker { Color = "#2fa37a" },
            },
        ];
    }

    /// <summary>Recency against frequency, one trace per marketing segment, marker area growing with monetary value.</summary>
    public static (IReadOnlyList<ChartTrace> Traces, IReadOnlyList<string> Segments) RfmScatter(IReadOnlyList<CustomerRow> customers)
    {
        var sample = PointSampler.Evenly(customers);
        var type = PointSampler.ScatterType(sample.Count);
        var monetary = customers.Select(c => Math.Max(0, c.Monetary)).Order().ToArray();
        // The 99th percentile sets the largest marker, so one wholesale buyer does not shrink everyone else to dots.
        var top = Math.Max(1, monetary.Length == 0 ? 1 : monetary[(int)(0.99 * (monetary.Length - 1))]);
        var segments = MarketingSegmentMap.Segments.Where(s => sample.Any(c => c.Segment == s)).ToList();
        var traces = segments.Select((s, i) =>
        {
            var rows = sample.Where(c => c.Segment == s).ToList();
            return new ChartTrace
            {
                Type = type, Mode = "markers", Name = MarketingDisplay.Segment(s),
                X = rows.Select(c => (object?)c.RecencyDays).ToList(), Y = rows.Select(c => (object?)c.Frequency).ToList(),
                CustomData = rows.Select(c => c.CustomerId).ToList(),
                Text = rows.Select(c => $"Customer {c.CustomerId} · {Shared.Format.Money(c.Monetary)}").ToList(),
                HoverTemplate = "%{text}<br>%{x} days since last order<br>%{y} orders<extra>" + MarketingDisplay.Segment(s) + "</extra>",
                Marker = new ChartMarker
                {
                    Color = MarketingDisplay.ColourOf(s, i), Opacity = 0.65,
                    Size = rows.Select(c => Math.Round(4 + 18 * Math.Sqrt(Math.Clamp(c.Monetary / top, 0, 1)), 1)).ToList(),
                },
            };
        }).ToList();
        return (traces, segments);
    }

    /// <summary>The PCA projection coloured by k-means cluster; DBSCAN's outliers drawn on top as crosses.</summary>
    public static IReadOnlyList<ChartTrace> PcaScatter(IReadOnlyList<CustomerRow> customers)
    {
        var sample = PointSampler.Evenly(customers);
        var type = PointSampler.ScatterType(sample.Count);
        var traces = sample.Where(c => !c.Outlier).GroupBy(c => c.Cluster).OrderBy(g => g.Key).Select(g => Points(g.ToList(), type,
            SegmentSchemes.ClusterName(g.Key), new ChartMarker { Color = ChartPalette.Colors[Math.Max(0, g.Key) % ChartPalette.Colors.Count], Size = 5, Opacity = 0.6 })).ToList();
        var outliers = sample.Where(c => c.Outlier).ToList();
        if (outliers.Count > 0)
            traces.Add(Points(outliers, type, "DBSCAN outliers", new ChartMarker { Color = "#1f2a3c", Size = 7, Symbol = "x", Opacity = 0.85 }));
        return traces;
    }

    private static ChartTrace Points(IReadOnlyList<CustomerRow> rows, string type, string name, ChartMarker marker) => new()
    {
        Type = type, Mode = "markers", Name = name, Marker = marker,
        X = rows.Select(c => (object?)c.Pc1).ToList(), Y = rows.Select(c => (object?)c.Pc2).ToList(),
        CustomData = rows.Select(c => c.CustomerId).ToList(),
        HoverTemplate = "Customer %{customdata}<br>PC1 %{x:.2f}, PC2 %{y:.2f}<extra>" + name + "</extra>",
    };

    /// <summary>The autoencoder embedding's projection coloured by its own k-means clusters.</summary>
    public static IReadOnlyList<ChartTrace> EmbeddingScatter(IReadOnlyList<EmbeddingPoint> points)
    {
        var type = PointSampler.ScatterType(points.Count);
        return points.GroupBy(p => p.Cluster).OrderBy(g => g.Key).Select(g => new ChartTrace
        {
            Type = type, Mode = "markers", Name = SegmentSchemes.ClusterName(g.Key),
            Marker = new ChartMarker { Color = ChartPalette.Colors[Math.Max(0, g.Key) % ChartPalette.Colors.Count], Size = 5, Opacity = 0.6 },
            X = g.Select(p => (object?)p.X).ToList(), Y = g.Select(p => (object?)p.Y).ToList(),
            CustomData = g.Select(p => p.CustomerId).ToList(),
            HoverTemplate = "Customer %{customdata}<extra>" + SegmentSchemes.ClusterName(g.Key) + "</extra>",
        }).ToList();
    }

    /// <summary>Silhouette of the chosen k of a clustering (NaN when the curve lacks it).</summary>
    public static double BestSilhouette(ClusteringArtifact c) => c.Curve.FirstOrDefault(p => p.K == c.BestK)?.Silhouette ?? double.NaN;

    /// <summary>A k curve with the chosen k (and the elbow's k) marked.</summary>
    public static IReadOnlyList<ChartTrace> KCurve(ClusteringArtifact c, bool silhouette)
    {
        var ys = c.Curve.Select(p => silhouette ? p.Silhouette : p.Inertia).ToList();
        var traces = new List<ChartTrace>
        {
            new()
            {
                Type = "scatter", Mode = "lines+markers", Name = silhouette ? "Silhouette" : "Inertia",
                X = c.Curve.Select(p => (object?)p.K).ToList(), Y = ys.Select(y => (object?)Math.Round(y, 4)).ToList(),
                Line = new ChartLine { Color = silhouette ? "#8a5cc7" : "#3b6fd8", Width = 2 },
                HoverTemplate = "k = %{x}<br>" + (silhouette ? "silhouette %{y:.3f}" : "inertia %{y:,.0f}") + "<extra></extra>",
            },
            Mark(c, c.BestK, ys, "Chosen k (best silhouette)", "star", "#d6455d"),
        };
        if (!silhouette && c.ElbowK != c.BestK) traces.Add(Mark(c, c.ElbowK, ys, "Elbow k", "circle-open", "#1f2a3c"));
        return traces;
    }

    private static ChartTrace Mark(ClusteringArtifact c, int k, IReadOnlyList<double> ys, string name, string symbol, string colour)
    {
        var i = c.Curve.ToList().FindIndex(p => p.K == k);
        return new ChartTrace
        {
            Type = "scatter", Mode = "markers", Name = name, X = [k], Y = [i < 0 ? null : Math.Round(ys[i], 4)],
            Marker = new ChartMarker { Color = colour, Size = 16, Symbol = symbol, Line = new ChartLine { Color = colour, Width = 2 } },
            HoverTemplate = name + ": k = %{x}<extra></extra>",
        };
    }
}
