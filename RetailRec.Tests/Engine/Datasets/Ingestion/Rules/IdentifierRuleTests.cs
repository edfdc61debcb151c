using RetailRec.Engine.Datasets.Ingestion;

namespace RetailRec.Tests.Engine.Datasets.Ingestion.Rules;

/// <summary>Rule "identifiers": one customer or item written two ways is one; a malformed id is reported.</summary>
public class IdentifierRuleTests
{
    private static string Row(string invoice, string code, string customer) => $"{invoice},{code},X,1,2010-12-01 08:00:00,1.50,{customer},UK";

    [Fact]
    public void Customer_ids_are_normalised_or_reported()
    {
        var result = RuleFiles.Read(IngestFiles.HeaderII,
            Row("1", "A1", "17850"),         // 2
            Row("2", "A1", " 17850 "),       // 3
            Row("3", "A1", "17850.0"),       // 4
            Row("4", "A1", "17850.00"),      // 5
            Row("5", "A1", "1.785E+4"),      // 6
            Row("6", "A1", "\"17850,0\""),   // 7
            Row("7", "A1", "17850A"),        // 8
            Row("8", "A1", "-17850"),        // 9
            Row("9", "A1", "17850.5"));      // 10
        Assert.Equal([2L, 3, 4, 5], result.Lines());
        Assert.All(result.Records, r => Assert.Equal("17850", r.CustomerId));
        Assert.Equal(
        [
            (6L, (string?)"CustomerId", "customer id '1.785E+4' is not a plain whole number (scientific notation (the spreadsheet rounded the id))"),
            (7L, "CustomerId", "customer id '17850,0' is not a plain whole number (a comma)"),
            (8L, "CustomerId", "customer id '17850A' is not a plain whole number (characters other than digits)"),
            (9L, "CustomerId", "customer id '-17850' is not a plain whole number (a sign)"),
            (10L, "CustomerId", "customer id '17850.5' is not a plain whole number (a fraction)"),
        ], result.Report.Samples(ImportRule.Unparseable));
    }

    [Fact]
    public void Stock_codes_are_trimmed_upper_cased_and_lose_a_spreadsheet_fraction_and_invisible_characters()
    {
        var result = RuleFiles.Read(IngestFiles.HeaderII,
            Row("1", "85123A", "1"),             // 2
            Row("2", " 85123a ", "1"),           // 3
            Row("3", "85123A\u200B", "1"),       // 4 zero-width space
            Row("4", "\uFEFF85123A", "1"),       // 5 BOM inside the text
            Row("5", "22423.0", "1"));           // 6
        Assert.Equal(["85123A", "85123A", "85123A", "85123A", "22423"], result.Records.Select(r => r.StockCode));
        Assert.Equal(
        [
            (4L, (string?)"StockCode", "removed invisible characters (U+200B) from StockCode"),
            (5L, "StockCode", "removed invisible characters (U+FEFF) from StockCode"),
        ], result.Report.Samples(ImportRule.ControlCharacters));
    }
}
