using System.Globalization;
using RetailRec.Engine.Marketing.Merchandising;
using RetailRec.Engine.Recommendations.Runs;

namespace RetailRec.Web.Components.Pages.Recommendations;

/// <summary>Labels and formats shared by the Customer 360 and Models pages.</summary>
public static class RecDisplay
{
    public static string Metric(double v) => double.IsNaN(v) ? "–" : v.ToString("0.0000", CultureInfo.InvariantCulture);
    public static string Seconds(double v) => v < 10 ? v.ToString("0.00", CultureInfo.InvariantCulture) + " s" : v.ToString("0.0", CultureInfo.InvariantCulture) + " s";
    public static string Score(float v) => v.ToString(Math.Abs(v) >= 100 ? "0" : "0.000", CultureInfo.InvariantCulture);

    public static string Title(ServingMethod m) => m switch
    {
        ServingMethod.Personalized => "Personalized",
        ServingMethod.Segment => "Segment favourites",
        ServingMethod.CF => "Collaborative filtering",
        ServingMethod.Popular => "Popular now",
        ServingMethod.All => "All (blend)",
        ServingMethod.SevenSlots => "Seven-slot list",
        _ => m.ToString(),
    };

    public static string Explain(ServingMethod m) => m switch
    {
        ServingMethod.Personalized => "The better on validation of: your regulars (recency-weighted, repeat propensity) plus what similar customers buy, or the learned LightGBM ranker",
        ServingMethod.Segment => "Most bought in the customer's marketing segment",
        ServingMethod.CF => "EASE item-item collaborative filtering",
        ServingMethod.Popular => "Most distinct buyers in the last 30 days",
        ServingMethod.All => "Personal 50% · CF 30% · content 10% · segment/popular 10%",
        ServingMethod.SevenSlots => "3 similar · 3 bought together · 1 new category",
        _ => "",
    };

    public static string ClassCss(StockClass c) => "rr-class rr-class-" + c.ToString().ToLowerInvariant();

    public static string SlotLabel(string method) => method switch
    {
        "NewCategory" => "new",
        "Similar" => "similar",
        "Paired" => "paired",
        _ => "",
    };

    /// <summary>Test splits first: they are what the leaderboard is about.</summary>
    public static readonly IReadOnlyList<string> SplitOrder = ["T-test", "L-test", "T-val", "L-val"];

    public static string SplitTitle(string split) => split switch
    {
        "T-test" => "T test (temporal)",
        "L-test" => "L test (last basket)",
        "T-val" => "T validation",
        "L-val" => "L validation",
        _ => split,
    };
}
