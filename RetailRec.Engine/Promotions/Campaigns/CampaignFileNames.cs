using System.Text;

namespace RetailRec.Engine.Promotions.Campaigns;

/// <summary>Download names of a campaign's exports: campaign_&lt;name&gt;.csv and crosssell_&lt;name&gt;.csv.</summary>
public static class CampaignFileNames
{
    public const string CampaignKind = "campaign";
    public const string CrossSellKind = "crosssell";

    /// <summary>
    /// A campaign name made safe for a file name on every OS and in a Content-Disposition header: ASCII letters, digits,
    /// '-' and '_' only (others become '_'), runs of '_' collapsed, at most 60 characters, never empty.
    /// </summary>
    public static string Sanitise(string? name)
    {
        var sb = new StringBuilder();
        foreach (var c in (name ?? "").Trim())
        {
            var ok = char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
            if (ok) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '_') sb.Append('_');
            if (sb.Length >= 60) break;
        }
        var s = sb.ToString().Trim('_', '-');
        return s.Length == 0 ? "unnamed" : s;
    }

    public static string For(string kind, string? campaignName) => $"{kind}_{Sanitise(campaignName)}.csv";
}
