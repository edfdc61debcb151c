using RetailRec.Engine.Datasets.Ingestion;

namespace RetailRec.Tests.Engine.Datasets.Ingestion.Rules;

/// <summary>Rule "numbers": a value with more than one reading, or none, is reported with line, column and value.</summary>
public class NumberRuleTests
{
    private static string Row(string invoice, string quantity, string price) => $"{invoice},A1,X,{quantity},2010-12-01 08:00:00,{price},17850,UK";

    [Fact]
    public void Quantities_must_be_plain_integers_within_range()
    {
        var result = RuleFiles.Read(IngestFiles.HeaderII,
            Row("1", "6.0", "1"),          // 2 kept: a spreadsheet's integer
            Row("2", "1e3", "1"),          // 3
            Row("3", "NaN", "1"),          // 4
            Row("4", "2.5", "1"),          // 5
            Row("5", "\"1,000\"", "1"),    // 6
            Row("6", "0x10", "1"),         // 7
            Row("7", "99999999999", "1"),  // 8 overflow
            Row("8", "2000000", "1"));     // 9 over the range
        Assert.Equal([2L], result.Lines());
        Assert.Equal(6, result.Records[0].Quantity);
        var plain = "is not a whole number written plainly (digits, optional sign)";
        Assert.Equal(
        [
            (3L, (string?)"Quantity", $"quantity '1e3' {plain}"),
            (4L, "Quantity", $"quantity 'NaN' {plain}"),
            (5L, "Quantity", $"quantity '2.5' {plain}"),
            (6L, "Quantity", $"quantity '1,000' {plain}"),
            (7L, "Quantity", $"quantity '0x10' {plain}"),
            (8L, "Quantity", $"quantity '99999999999' {plain}"),
            (9L, "Quantity", "quantity 2000000 is outside the accepted range of ±1,000,000"),
        ], result.Report.Samples(ImportRule.Unparseable));
    }

    [Fact]
    public void Prices_must_be_finite_exact_and_in_range()
    {
        var result = RuleFiles.Read(IngestFiles.HeaderII,
            Row("1", "1", "2.55"),              // 2 kept
            Row("2", "1", "\"1,234.50\""),      // 3 kept: grouping proven by the decimal point
            Row("3", "1", "Infinity"),          // 4
            Row("4", "1", "1e3"),               // 5
            Row("5", "1", "\"1,5\""),           // 6 comma in a comma-delimited file
            Row("6", "1", "0.0000001"),         // 7 too many decimals (underflow residue)
            Row("7", "1", "250000"),            // 8 over the range
            Row("8", "1", "£2.55"),             // 9 currency sign
            Row("9", "1", "\"1,23.5\""));       // 10 not groups of three
        Assert.Equal([2L, 3], result.Lines());
        Assert.Equal([2.55, 1234.5], result.Records.Select(r => r.Price));
        Assert.Equal(
        [
            (4L, (string?)"Price", "price 'Infinity' is not a plain decimal number"),
            (5L, "Price", "price '1e3' is not a plain decimal number (no exponents)"),
            (6L, "Price", "price '1,5' is not a plain decimal number (in a comma-delimited file a comma in a price could be a thousands separator or a decimal comma)"),
            (7L, "Price", "price '0.0000001' is not a plain decimal number"),
            (8L, "Price", "price 250000 is outside the accepted range of ±100,000"),
            (9L, "Price", "price '£2.55' is not a plain decimal number"),
            (10L, "Price", "price '1,23.5' is not a plain decimal number"),
        ], result.Report.Samples(ImportRule.Unparseable));
        Assert.All(result.Records, r => Assert.True(double.IsFinite(r.Price)));
    }

    [Theory]
    [InlineData("2,55", true, 2.55)]
    [InlineData("1.234,56", true, 1234.56)]
    [InlineData("1,234,567", false, 1234567.0)]
    [InlineData("-0.5", false, -0.5)]
    public void Decimal_comma_is_read_only_where_it_has_one_reading(string text, bool commaDecimal, double expected)
    {
        Assert.True(ValueParsers.TryParsePrice(text, commaDecimal, out var price));
        Assert.Equal(expected, price);
    }

    [Theory]
    [InlineData("1,234", false)]
    [InlineData("1.2.3", false)]
    [InlineData("1.234,5,6", true)]
    [InlineData("0x1F", false)]
    [InlineData("-", false)]
    [InlineData("1e-400", false)]
    public void Prices_without_exactly_one_reading_are_refused(string text, bool commaDecimal) =>
        Assert.False(ValueParsers.TryParsePrice(text, commaDecimal, out _));
}
