using System.Text;
using RetailRec.Engine.Datasets.Ingestion;

namespace RetailRec.Tests.Engine.Datasets.Ingestion.Rules;

/// <summary>Rule "text": bad bytes are named by line, never turned into mojibake or a "binary file".</summary>
public class TextRuleTests
{
    private const string Good = "1,A1,CAFÉ CRÈME,1,2010-12-01 08:00:00,1.50,17850,UK";

    [Fact]
    public void Invalid_utf8_in_a_utf8_file_is_kept_as_replacement_and_named_by_line()
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(IngestFiles.HeaderII + "\n" + Good + "\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("2,A2,BAD "));
        bytes.Add(0xFF); // not UTF-8
        bytes.AddRange(Encoding.UTF8.GetBytes(" BYTE,1,2010-12-01 08:00:00,1.50,17850,UK\n" + Good.Replace("1,A1", "3,A3") + "\n"));
        var result = IngestFiles.Read(new MemoryStream(bytes.ToArray()));

        Assert.Equal("UTF-8", result.Report.Encoding);
        Assert.Equal(["CAFÉ CRÈME", "BAD \uFFFD BYTE", "CAFÉ CRÈME"], result.Records.Select(r => r.Description)); // no "CAFÃ‰"
        Assert.Equal([(3L, (string?)"Description", "Description 'BAD \uFFFD BYTE' has bytes that are not valid UTF-8 (kept as \uFFFD)")],
            result.Report.Samples(ImportRule.InvalidText));
    }

    [Fact]
    public void A_nul_byte_is_removed_from_its_line_with_a_warning_not_a_binary_file()
    {
        var result = RuleFiles.ReadText(IngestFiles.HeaderII + "\n" + Good + "\n2,A2,NUL\0HERE,1,2010-12-01 08:00:00,1.50,17850,UK\n");
        Assert.Equal(["CAFÉ CRÈME", "NULHERE"], result.Records.Select(r => r.Description));
        Assert.Equal([(3L, (string?)"Description", "removed control characters (U+0000) from Description")],
            result.Report.Samples(ImportRule.ControlCharacters));
    }

    [Fact]
    public void An_over_long_description_is_truncated_with_a_warning()
    {
        var result = RuleFiles.Read(IngestFiles.HeaderII, $"1,A1,{new string('x', 1500)},1,2010-12-01 08:00:00,1.50,17850,UK");
        Assert.Equal(1000, result.Records[0].Description.Length);
        Assert.Equal([(2L, (string?)"Description", "description of 1,500 characters truncated to 1,000")], result.Report.Samples(ImportRule.LongText));
    }

    [Fact]
    public void Formula_text_is_kept_as_text()
    {
        var result = RuleFiles.Read(IngestFiles.HeaderII, "1,A1,\"=HYPERLINK(\"\"x\"\")\",1,2010-12-01 08:00:00,1.50,17850,UK");
        Assert.Equal("=HYPERLINK(\"x\")", result.Records[0].Description);
    }
}
