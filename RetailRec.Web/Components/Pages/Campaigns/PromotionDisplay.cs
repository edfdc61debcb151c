using System.Globalization;
using RetailRec.Web.Components.Shared;

namespace RetailRec.Web.Components.Pages.Campaigns;

/// <summary>Number formats of the Campaigns page (on top of the shared <see cref="Format"/>).</summary>
public static class PromotionDisplay
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    public static string Probability(double p) => double.IsNaN(p) ? "–" : p.ToString("0.0%", Culture);
    public static string Metric(double v, string format = "0.000") => double.IsNaN(v) ? "–" : v.ToString(format, Culture);
    public static string Pence(double v) => v.ToString("£#,0.00", Culture);
    public static string Signed(double v) => (v >= 0 ? "+" : "") + v.ToString("0.0%", Culture);
    public static string Roi(double v) => v.ToString("0.00", Culture) + "×";
    public static string Hour(int h) => $"{h:00}:00";
    public static string Short(string s, int max = 34) => s.Length <= max ? s : s[..(max - 1)] + "…";

    public static string SegmentLabel(string s) => s switch
    {
        "Persuadable" => "Persuadables",
        "SureThing" => "Sure things",
        "LostCause" => "Lost causes",
        "DoNotDisturb" => "Do not disturb",
        _ => s,
    };

    public static string SegmentHint(string s) => s switch
    {
        "Persuadable" => "buy mainly when contacted: target them",
        "SureThing" => "buy either way: a discount is wasted",
        "LostCause" => "unlikely to buy either way",
        "DoNotDisturb" => "buy less when contacted: leave them out",
        _ => "",
    };
}
