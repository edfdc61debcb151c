using System.Globalization;
using RetailRec.Engine.Marketing.Merchandising;
using RetailRec.Engine.Marketing.Segmentation;
using RetailRec.Web.Components.Charts;

namespace RetailRec.Web.Components.Pages.Marketing;

/// <summary>Names, colours and number formats shared by the marketing pages, so a segment looks the same everywhere.</summary>
public static class MarketingDisplay
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    private static readonly Dictionary<string, string> SegmentColours = new()
    {
        [MarketingSegmentMap.Champions] = "#2fa37a",
        [MarketingSegmentMap.Potential] = "#3b6fd8",
        [MarketingSegmentMap.AtRisk] = "#f08c2e",
        [MarketingSegmentMap.LowValue] = "#8b96a8",
    };

    /// <summary>"At_Risk" reads "At risk"; other names are shown as they are.</summary>
    public static string Segment(string name) => name.Replace('_', ' ') is var s && s.Contains(' ')
        ? char.ToUpperInvariant(s[0]) + s[1..].ToLowerInvariant() : s;

    public static string ColourOf(string segment, int index) =>
        SegmentColours.TryGetValue(segment, out var c) ? c : ChartPalette.Colors[index % ChartPalette.Colors.Count];

    public static string ClassColour(StockClass c) => c switch
    {
        StockClass.Fast => ChartPalette.Fast,
        StockClass.Slow => ChartPalette.Slow,
        _ => ChartPalette.Dead,
    };

    public static string Scheme(string scheme) => scheme switch
    {
        SegmentSchemes.Marketing => "Marketing segments",
        SegmentSchemes.Grid => "RF grid",
        SegmentSchemes.Cluster => "Clusters",
        _ => scheme,
    };

    public static string Source(PickSource s) => s switch
    {
        PickSource.NewThing => "New thing",
        _ => s.ToString(),
    };

    public static string Pct(double fraction, int decimals = 0) => fraction.ToString(decimals == 0 ? "0%" : "0." + new string('0', decimals) + "%", Culture);
    public static string Number(double v, string format = "#,0.##") => v.ToString(format, Culture);

    /// <summary>A change in percentage points, signed ("+3.1 pp"), or a dash when there is nothing to compare with.</summary>
    public static string Points(double? delta) => delta is double d ? (d * 100).ToString("+0.0;-0.0;0.0", Culture) + " pp" : "–";

    public static string Trend(double? trend) => trend is double t ? (t * 100).ToString("+0;-0;0", Culture) + "%" : "–";
}
