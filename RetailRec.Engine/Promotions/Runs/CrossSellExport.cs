using RetailRec.Engine.Export;
using RetailRec.Engine.Promotions.CrossSell;

namespace RetailRec.Engine.Promotions.Runs;

/// <summary>
/// The cross-sell list as CSV through the shared <see cref="CsvTableWriter"/> (formula-like text neutralised: customer
/// ids, countries and codes come from uploaded files).
/// </summary>
public static class CrossSellExport
{
    public sealed record Row(string StockCode, string Description, CrossSellCandidate Candidate);

    public static readonly IReadOnlyList<CsvColumn<Row>> Columns =
    [
        new("CustomerID", r => r.Candidate.CustomerId),
        new("Country", r => r.Candidate.Country),
        new("Product", r => r.StockCode),
        new("ProductDescription", r => r.Description),
        new("SummedLift", r => Math.Round(r.Candidate.Score, 3)),
        new("PartnersBought", r => string.Join("; ", r.Candidate.PartnersBought)),
    ];

    public static void Write(TextWriter writer, CrossSellResult result) =>
        CsvTableWriter.Write(writer, result.Candidates.Select(c => new Row(result.StockCode, result.Description, c)), Columns);
}
