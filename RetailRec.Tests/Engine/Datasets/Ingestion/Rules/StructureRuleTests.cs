using RetailRec.Engine.Datasets.Ingestion;

namespace RetailRec.Tests.Engine.Datasets.Ingestion.Rules;

/// <summary>Rule "structure": repeated columns, rows of the wrong width and unsaved formulas are never imported by guess.</summary>
public class StructureRuleTests
{
    [Fact]
    public void A_header_naming_a_column_twice_is_refused_with_the_column()
    {
        var e = Assert.Throws<ImportRejectedException>(() => RuleFiles.Read(IngestFiles.HeaderII + ",quantity", "1,A1,X,1,2010-12-01 08:00:00,1.50,17850,UK,2"));
        Assert.Equal(RejectionKind.RepeatedColumn, e.Kind);
        Assert.Equal("The header names the column 'quantity' twice (columns 4 and 9). Give every column its own name and upload the file again.", e.Message);
    }

    [Fact]
    public void Rows_with_too_many_or_too_few_fields_are_reported()
    {
        var result = RuleFiles.Read(IngestFiles.HeaderII,
            "1,A1,X,1,2010-12-01 08:00:00,1.50,17850,UK",             // 2
            "2,A1,RED, WHITE,1,2010-12-01 08:00:00,1.50,17850,UK",    // 3 unquoted comma: 9 fields
            "3,A1,X,1,2010-12-01 08:00:00,1.50,17850");               // 4: 7 fields
        Assert.Equal([2L], result.Lines());
        var shift = "(a delimiter inside an unquoted value shifts every column after it)";
        Assert.Equal(
        [
            (3L, (string?)null, $"the line has 9 fields but the header has 8 {shift}"),
            (4L, null, $"the line has 7 fields but the header has 8 {shift}"),
        ], result.Report.Samples(ImportRule.Unparseable));
    }

    [Fact]
    public void A_workbook_formula_without_a_saved_value_is_reported_not_imported_as_empty()
    {
        var book = XlsxBuilder.Build(new XlsxBuilder.Sheet("Sales", IngestFiles.HeaderII.Split(','),
            ["1", "A1", "X", 2, "2010-12-01 08:00:00", 1.5, 17850, "UK"],
            ["2", "A1", "X", new XlsxBuilder.Formula("B2*2", null), "2010-12-01 08:00:00", 1.5, 17850, "UK"],
            ["3", "A1", "X", new XlsxBuilder.Formula("1+1", 2.0), "2010-12-01 08:00:00", 1.5, 17850, "UK"],
            ["4", "A1", "X", 1, "2010-12-01 08:00:00", 1.5, 17850, "UK", "stray"]));
        var result = IngestFiles.Read(book, "b.xlsx");
        Assert.Equal([(2L, 2), (4L, 2)], result.Records.Select(r => (r.LineNumber, r.Quantity)));
        Assert.Equal(
        [
            (3L, (string?)null, "cell D3 holds a formula without a saved value (formulas are never evaluated here: open the workbook in Excel, let it calculate, save it and upload it again)"),
            (5L, null, "cell I5 has a value but its column has no header"),
        ], result.Report.Samples(ImportRule.Unparseable));
    }
}
