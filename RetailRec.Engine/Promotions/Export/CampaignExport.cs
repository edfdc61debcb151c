using RetailRec.Engine.Export;
using RetailRec.Engine.Promotions.Campaigns;

namespace RetailRec.Engine.Promotions.Export;

/// <summary>
/// The campaign audience as CSV for a mailing tool, through the shared <see cref="CsvTableWriter"/> so that text cells
/// starting with = + - @ are neutralised (customer ids and countries come from uploaded files and are untrusted).
/// </summary>
public static class CampaignExport
{
    public static readonly IReadOnlyList<CsvColumn<CampaignTarget>> Columns =
    [
        new("CustomerID", t => t.CustomerId),
        new("Country", t => t.Country),
        new("Probability", t => Math.Round(t.Probability, 4)),
        new("ExpectedUnits", t => Math.Round(t.ExpectedUnits, 2)),
        new("ExpectedRevenue", t => Math.Round(t.ExpectedRevenue, 2)),
        new("ExpectedProfit", t => Math.Round(t.ExpectedProfit, 2)),
        new("Uplift", t => t.Uplift is { } u ? Math.Round(u, 4) : null),
        new("DiscountPercent", t => t.SuggestedDiscountPercent),
        new("SendDay", t => t.SendDay.ToString()),
        new("SendHour", t => t.SendHour),
        new("Reasons", t => string.Join("; ", t.Reasons)),
    ];

    public static void Write(TextWriter writer, IEnumerable<CampaignTarget> targets) => CsvTableWriter.Write(writer, targets, Columns);
}
