using RetailRec.Engine.Datasets.Ingestion;

namespace RetailRec.Tests.Engine.Datasets.Ingestion.Rules;

/// <summary>Rule "line numbers": physical, 1-based, header = line 1, blank lines count, multi-line records at their start.</summary>
public class LineNumberRuleTests
{
    [Fact]
    public void Blank_lines_and_multi_line_records_count_as_the_file_really_is()
    {
        var result = RuleFiles.ReadText(
            IngestFiles.HeaderII + "\n" +                                            // 1
            "1,A1,PLAIN,1,2010-12-01 08:00:00,1.50,17850,UK\n" +                   // 2
            "\n" +                                                                 // 3 blank
            "2,A2,\"TWO\nLINES\",1,2010-12-01 08:00:00,1.50,17850,UK\n" +          // 4-5: one record
            "3,A3,BAD,x,2010-12-01 08:00:00,1.50,17850,UK\r\n" +                   // 6 (CRLF)
            "\n\n" +                                                               // 7, 8 blank
            "4,A4,LAST,1,2010-12-01 08:00:00,1.50,17850,UK\n");                    // 9
        Assert.Equal([2L, 4, 9], result.Lines());
        Assert.Equal("TWO\nLINES", result.Records[1].Description);
        Assert.Equal([(6L, (string?)"Quantity", "quantity 'x' is not a whole number written plainly (digits, optional sign)")],
            result.Report.Samples(ImportRule.Unparseable));
        Assert.Equal(4, result.Report.LinesRead);
    }

    [Fact]
    public void An_excel_separator_line_is_a_line_too()
    {
        var result = RuleFiles.ReadText("sep=;\n" + IngestFiles.HeaderII.Replace(',', ';') + "\n1;A1;X;1;2010-12-01 08:00:00;1,50;17850;UK\n");
        Assert.Equal([3L], result.Lines());
    }

    [Fact]
    public void Workbook_samples_name_the_sheet_and_the_excel_row()
    {
        var book = XlsxBuilder.Build(
            new XlsxBuilder.Sheet("Year 1", IngestFiles.HeaderII.Split(','),
                ["1", "A1", "X", 1, "2010-12-01 08:00:00", 1.5, 17850, "UK"],
                [],
                ["2", "A1", "X", "two", "2010-12-01 08:00:00", 1.5, 17850, "UK"]),
            new XlsxBuilder.Sheet("Year 2", IngestFiles.HeaderII.Split(','),
                ["3", "A1", "X", "three", "2010-12-01 08:00:00", 1.5, 17850, "UK"]));
        var report = IngestFiles.Read(book, "b.xlsx").Report;
        var samples = report.Rules.Single(r => r.Rule == ImportRule.Unparseable).Samples;
        Assert.Equal([("Year 1", 4L), ("Year 2", 2L)], samples.Select(s => (s.Sheet!, s.Line)));
        Assert.All(samples, s => Assert.Equal("Quantity", s.Column));
    }
}
