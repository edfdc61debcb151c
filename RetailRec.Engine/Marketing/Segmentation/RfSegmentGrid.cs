using System.Text.RegularExpressions;

namespace RetailRec.Engine.Marketing.Segmentation;

/// <summary>
/// The common R/F-score grid (regular expressions over the two-digit code "RF"), checked in order; the first match wins.
/// "Lost" (R=1, F=1) is carved out of Hibernating and therefore listed first. Every code 11..55 matches exactly one rule.
/// </summary>
public static class RfSegmentGrid
{
    public const string Champions = "Champions";
    public const string Loyal = "Loyal";
    public const string PotentialLoyalists = "Potential Loyalists";
    public const string New = "New";
    public const string Promising = "Promising";
    public const string NeedAttention = "Need Attention";
    public const string AboutToSleep = "About To Sleep";
    public const string AtRisk = "At Risk";
    public const string CantLose = "Can't Lose";
    public const string Hibernating = "Hibernating";
    public const string Lost = "Lost";

    public static IReadOnlyList<(string Pattern, string Segment)> Rules { get; } =
    [
        ("^11$", Lost),
        ("^[1-2][1-2]$", Hibernating),
        ("^[1-2][3-4]$", AtRisk),
        ("^[1-2]5$", CantLose),
        ("^3[1-2]$", AboutToSleep),
        ("^33$", NeedAttention),
        ("^[3-4][4-5]$", Loyal),
        ("^41$", Promising),
        ("^51$", New),
        ("^[4-5][2-3]$", PotentialLoyalists),
        ("^5[4-5]$", Champions),
    ];

    public static IReadOnlyList<string> Segments { get; } =
        [Champions, Loyal, PotentialLoyalists, New, Promising, NeedAttention, AboutToSleep, AtRisk, CantLose, Hibernating, Lost];

    private static readonly Regex[] Compiled = Rules.Select(r => new Regex(r.Pattern, RegexOptions.CultureInvariant)).ToArray();

    public static string Classify(RfmScores s)
    {
        var code = s.RfCode;
        for (var i = 0; i < Compiled.Length; i++)
            if (Compiled[i].IsMatch(code)) return Rules[i].Segment;
        throw new ArgumentOutOfRangeException(nameof(s), code, "R and F scores must be 1..5");
    }
}
