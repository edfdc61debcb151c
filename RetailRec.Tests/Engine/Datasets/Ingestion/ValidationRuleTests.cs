using System.Text.Json;
using RetailRec.Engine.Domain;
using RetailRec.Engine.Datasets.Ingestion;

namespace RetailRec.Tests.Engine.Datasets.Ingestion;

/// <summary>Every validation rule on one hand-written file whose answer is worked out line by line below.</summary>
public class ValidationRuleTests
{
    private static readonly string[] Lines =
    [
        IngestFiles.HeaderII,
        "100,A1,CLEAN,2,2010-12-01 08:00:00,1.50,17850.0,UK",       // 2 clean
        "C101,A1,CANCEL,-2,2010-12-01 09:00:00,1.50,17850.0,UK",    // 3 cancellation + return
        "102,A2,RETURN,-1,2010-12-01 10:00:00,2.00,12345,UK",       // 4 return
        "103,A3,NO CUSTOMER,1,2010-12-01 11:00:00,3.00,,UK",        // 5 missing customer
        "104,A4,FREE,1,2010-12-01 12:00:00,0,12345,UK",             // 6 non-positive price
        "105,POST,POSTAGE,1,2010-12-01 13:00:00,18.00,12345,UK",    // 7 non-product
        "106,gift_0001_10,VOUCHER,1,2010-12-01 13:00:00,10,,UK",    // 8 non-product + missing customer
        "100,A1,CLEAN,2,2010-12-01 08:00:00,1.50,17850.0,UK",       // 9 duplicate of line 2
        "107,A5,BAD QTY,two,2010-12-01 08:00:00,1.50,1,UK",         // 10 unparseable: quantity
        "108,A5,BAD PRICE,1,2010-12-01 08:00:00,abc,1,UK",          // 11 unparseable: price
        "109,A5,BAD DATE,1,someday,1.50,1,UK",                      // 12 unparseable: date
        "110,A5,SHORT ROW",                                         // 13 unparseable: too few fields
        ",A5,NO INVOICE,1,2010-12-01 08:00:00,1.50,1,UK",           // 14 unparseable: no invoice
        "111,m,MANUAL,1,2010-12-01 08:00:00,-5,1,UK",               // 15 non-product (lower-case m) + non-positive price
    ];

    private static TransactionReadResult Read() => IngestFiles.Read(IngestFiles.Lines(Lines));

    [Fact]
    public void Each_rule_counts_its_lines()
    {
        var report = Read().Report;
        Assert.Equal(14, report.LinesRead);
        Assert.Equal(9, report.RowsImported);
        Assert.Equal(5, report.RowsRejected);
        Assert.Equal(8, report.FlaggedRows);
        Assert.Equal(1, report.CleanRows);
        Assert.Equal(1, report.Count(ImportRule.Cancellation));
        Assert.Equal(2, report.Count(ImportRule.Return));
        Assert.Equal(2, report.Count(ImportRule.MissingCustomer));
        Assert.Equal(2, report.Count(ImportRule.NonPositivePrice));
        Assert.Equal(3, report.Count(ImportRule.NonProduct));
        Assert.Equal(1, report.Count(ImportRule.Duplicate));
        Assert.Equal(5, report.Count(ImportRule.Unparseable));
    }

    [Fact]
    public void Flags_are_stored_on_the_kept_rows()
    {
        var flags = Read().Records.ToDictionary(r => r.LineNumber, r => r.Flags);
        // Line numbers are physical (header = line 1) since issue 13; a negative quantity on a normal invoice is also a SignMismatch.
        Assert.Equal(LineFlags.None, flags[2]);
        Assert.Equal(LineFlags.Cancellation | LineFlags.Return, flags[3]);
        Assert.Equal(LineFlags.Return | LineFlags.SignMismatch, flags[4]);
        Assert.Equal(LineFlags.MissingCustomer, flags[5]);
        Assert.Equal(LineFlags.NonPositivePrice, flags[6]);
        Assert.Equal(LineFlags.NonProduct, flags[7]);
        Assert.Equal(LineFlags.NonProduct | LineFlags.MissingCustomer, flags[8]);
        Assert.Equal(LineFlags.Duplicate, flags[9]);
        Assert.Equal(LineFlags.NonProduct | LineFlags.NonPositivePrice, flags[15]);
        Assert.Equal([2L, 3, 4, 5, 6, 7, 8, 9, 15], flags.Keys.Order());
    }

    [Fact]
    public void Samples_name_the_line_and_the_reason()
    {
        var report = Read().Report;
        var bad = report.Rules.Single(r => r.Rule == ImportRule.Unparseable).Samples;
        Assert.Equal([10L, 11, 12, 13, 14], bad.Select(s => s.Line));
        Assert.Contains("quantity 'two'", bad[0].Reason);
        Assert.Contains("price 'abc'", bad[1].Reason);
        Assert.Contains("someday", bad[2].Reason);
        Assert.Contains("3 fields", bad[3].Reason);
        Assert.Contains("invoice", bad[4].Reason);
        Assert.Equal([9L], report.Rules.Single(r => r.Rule == ImportRule.Duplicate).Samples.Select(s => s.Line));
        Assert.Equal("stock code POST", report.Rules.Single(r => r.Rule == ImportRule.NonProduct).Samples[0].Reason);
    }

    [Fact]
    public void Samples_are_capped_per_rule()
    {
        var lines = new List<string> { IngestFiles.HeaderII };
        for (var i = 0; i < 7; i++) lines.Add($"{i},A1,X,-1,2010-12-01 08:00:00,1,1,UK");
        var report = IngestFiles.Read(IngestFiles.Lines([.. lines]), options: new IngestionOptions { SamplesPerRule = 3 }).Report;
        Assert.Equal(7, report.Count(ImportRule.Return));
        Assert.Equal(3, report.Rules.Single(r => r.Rule == ImportRule.Return).Samples.Count);
    }

    [Fact]
    public void Report_round_trips_through_System_Text_Json()
    {
        var report = Read().Report;
        var json = JsonSerializer.Serialize(report);
        Assert.Contains("\"Rule\":\"Cancellation\"", json);
        var back = JsonSerializer.Deserialize<ImportReport>(json)!;
        Assert.Equal(report.LinesRead, back.LinesRead);
        Assert.Equal(report.Count(ImportRule.Unparseable), back.Count(ImportRule.Unparseable));
        var unparseable = report.Rules.Single(r => r.Rule == ImportRule.Unparseable);
        Assert.Equal(unparseable.Samples[2], back.Rules.Single(r => r.Rule == ImportRule.Unparseable).Samples[2]);
    }

    [Theory]
    [InlineData("POST", true)]
    [InlineData(" dot ", true)]
    [InlineData("BANK CHARGES", true)]
    [InlineData("AMAZONFEE", true)]
    [InlineData("CRUK", true)]
    [InlineData("C2", true)]
    [InlineData("PADS", true)]
    [InlineData("S", true)]
    [InlineData("B", true)]
    [InlineData("GIFT_0001_20", true)]
    [InlineData("85123A", false)]
    [InlineData("DCGS0003", false)]
    [InlineData("", false)]
    public void Non_product_codes_are_defined_in_one_place(string code, bool nonProduct) =>
        Assert.Equal(nonProduct, NonProductCodes.IsNonProduct(code));

    // Since issue 13 a real fraction or a letter is an error (reported), not a new customer id.
    [Theory]
    [InlineData("17850.0", "17850")]
    [InlineData(" 17850.00 ", "17850")]
    [InlineData("17850", "17850")]
    [InlineData("17850.5", null)]
    [InlineData("AB-17", null)]
    [InlineData("  ", null)]
    public void Customer_ids_lose_a_zero_fraction(string raw, string? expected) =>
        Assert.Equal(expected, IdentifierRules.NormalizeCustomerId(raw, out _));
}
