using System.Text;
using RetailRec.Engine.Datasets.Ingestion;

namespace RetailRec.Tests.Engine.Datasets.Ingestion;

/// <summary>Delimiters, encodings, gzip and header spellings, each on a tiny file with a known answer.</summary>
public class CsvFormatTests
{
    private const string Row1 = "536365,85123A,WHITE HANGING HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom";
    private const string Row2 = "536366,22633,HAND WARMER,-2,2010-12-01 08:28:00,1.85,,France";

    [Fact]
    public void Comma_file_with_Online_Retail_II_header()
    {
        var result = IngestFiles.Read(IngestFiles.Lines(IngestFiles.HeaderII, Row1, Row2));
        Assert.Equal("comma", result.Report.Delimiter);
        Assert.Equal(2, result.Records.Count);
        var r = result.Records[0];
        Assert.Equal(("536365", "85123A", "WHITE HANGING HEART", 6, 2.55, "17850", "United Kingdom"),
            (r.Invoice, r.StockCode, r.Description, r.Quantity, r.Price, r.CustomerId, r.Country));
        Assert.Equal(2, r.LineNumber); // physical line: the header is line 1 (issue 13)
        Assert.Null(result.Records[1].CustomerId);
        Assert.Equal(-2, result.Records[1].Quantity);
    }

    [Fact]
    public void Online_Retail_I_header_any_case_and_spacing()
    {
        var header = "invoice no;STOCKCODE;Description;quantity;Invoice Date;unit_price;Customer Id;country";
        var result = IngestFiles.Read(IngestFiles.Lines(header, "536365;85123A;HEART;6;2010-12-01 08:26:00;2,55;17850;UK"));
        Assert.Equal("semicolon", result.Report.Delimiter);
        Assert.Equal(2.55, result.Records[0].Price);
        Assert.Equal("17850", result.Records[0].CustomerId);
    }

    [Fact]
    public void Semicolon_file_reads_decimal_commas_and_thousand_dots()
    {
        var result = IngestFiles.Read(IngestFiles.Lines(IngestFiles.HeaderII.Replace(',', ';'),
            "1;A1;\"X; Y\";1;2010-12-01 08:26:00;1.234,5;1;DE",
            "2;A2;Z;1;2010-12-01 08:26:00;0,85;1;DE"));
        Assert.Equal([1234.5, 0.85], result.Records.Select(r => r.Price));
        Assert.Equal("X; Y", result.Records[0].Description);
    }

    [Fact]
    public void Comma_file_reads_quoted_thousands_as_grouping()
    {
        var result = IngestFiles.Read(IngestFiles.Lines(IngestFiles.HeaderII, "1,A1,\"CARD, RED\",1,2010-12-01 08:26:00,\"1,234.50\",1,UK"));
        Assert.Equal(1234.5, result.Records[0].Price);
        Assert.Equal("CARD, RED", result.Records[0].Description);
    }

    [Fact]
    public void Tab_delimited_file()
    {
        var result = IngestFiles.Read(IngestFiles.Lines(IngestFiles.HeaderII.Replace(',', '\t'), Row1.Replace(',', '\t')));
        Assert.Equal("tab", result.Report.Delimiter);
        Assert.Equal("WHITE HANGING HEART", result.Records[0].Description);
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le-bom")]
    [InlineData("utf-16be-bom")]
    [InlineData("utf-16le")]
    public void Unicode_encodings_keep_non_ascii_text(string kind)
    {
        var content = IngestFiles.HeaderII + "\n1,A1,CAFÉ CRÈME £5 ☕,1,2010-12-01 08:26:00,1.5,1,Côte d'Ivoire\n";
        var (encoding, bom) = kind switch
        {
            "utf-8-bom" => ((Encoding)new UTF8Encoding(true), true),
            "utf-16le-bom" => (new UnicodeEncoding(false, true), true),
            "utf-16be-bom" => (new UnicodeEncoding(true, true), true),
            _ => (new UnicodeEncoding(false, false), false),
        };
        var result = IngestFiles.Read(IngestFiles.Text(content, encoding, bom));
        Assert.Equal("CAFÉ CRÈME £5 ☕", result.Records[0].Description);
        Assert.Equal("Côte d'Ivoire", result.Records[0].Country);
        Assert.Equal("1", result.Records[0].Invoice); // "Invoice" was found although the BOM precedes it
    }

    [Fact]
    public void Latin1_bytes_fall_back_to_windows_1252()
    {
        // 0xA3 = '£' and 0xE9 = 'é' in ISO-8859-1: invalid as UTF-8.
        var bytes = Encoding.ASCII.GetBytes(IngestFiles.HeaderII + "\n1,A1,PRICE X,1,2010-12-01 08:26:00,1.5,1,Cote\n").ToList();
        var at = bytes.IndexOf((byte)'X');
        bytes[at] = 0xA3;
        bytes.Insert(at, 0xE9);
        var result = IngestFiles.Read(new MemoryStream(bytes.ToArray()));
        Assert.Equal("PRICE é£", result.Records[0].Description);
        Assert.StartsWith("Windows-1252", result.Report.Encoding);
    }

    [Fact]
    public void Gzip_is_recognised_by_content_not_name()
    {
        var csv = Encoding.UTF8.GetBytes(string.Join("\n", IngestFiles.HeaderII, Row1, Row2));
        var result = IngestFiles.Read(IngestFiles.Gzip(csv), "upload.bin");
        Assert.Equal("CSV.GZ", result.Report.Format);
        Assert.Equal(2, result.Report.RowsImported);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(IngestFiles.Gzip(csv).ToArray())),
            result.Report.ContentHash);
    }

    [Fact]
    public void Excel_separator_hint_line_is_honoured()
    {
        var result = IngestFiles.Read(IngestFiles.Lines("sep=;", IngestFiles.HeaderII.Replace(',', ';'),
            "1;A1;X;3;2010-12-01 08:26:00;2,5;1;UK"));
        Assert.Equal(3, result.Records[0].Quantity);
        Assert.Equal(2.5, result.Records[0].Price);
    }

    [Fact]
    public void Hostile_text_is_stored_verbatim_and_parsing_continues()
    {
        const string formula = "=cmd|' /C calc'!A0";
        const string html = "<script>alert(\"x\")</script>";
        var result = IngestFiles.Read(IngestFiles.Lines(IngestFiles.HeaderII,
            $"1,A1,\"{html.Replace("\"", "\"\"")}\",1,2010-12-01 08:26:00,1,1,UK",
            $"2,A2,{formula},1,2010-12-01 08:26:00,1,1,@SUM(1+1)",
            Row1));
        Assert.Equal(3, result.Report.RowsImported);
        Assert.Equal(html, result.Records[0].Description);
        Assert.Equal(formula, result.Records[1].Description);
        Assert.Equal("@SUM(1+1)", result.Records[1].Country);
    }

    [Fact]
    public void Blank_lines_and_CRLF_endings_are_ignored()
    {
        var result = IngestFiles.Read(IngestFiles.Text(IngestFiles.HeaderII + "\r\n" + Row1 + "\r\n\r\n" + Row2 + "\r\n"));
        Assert.Equal(2, result.Report.LinesRead);
        Assert.Equal("United Kingdom", result.Records[0].Country);
    }
}
