using System.IO.Compression;
using RetailRec.Engine.Datasets.Ingestion;

namespace RetailRec.Tests.Engine.Datasets.Ingestion;

public class XlsxReadTests
{
    private static readonly object?[] HeaderII = ["Invoice", "StockCode", "Description", "Quantity", "InvoiceDate", "Price", "Customer ID", "Country"];

    private static MemoryStream TwoYearWorkbook() => XlsxBuilder.Build(
        new XlsxBuilder.Sheet("Year 2009-2010",
            HeaderII,
            [489434, "85048", "15CM CHRISTMAS GLASS BALL £", 12, new DateTime(2009, 12, 1, 7, 45, 0), 6.95, 13085, "United Kingdom"],
            [],
            ["C489449", "22087", "PAPER BUNTING", -12, new DateTime(2009, 12, 1, 10, 33, 0), 2.95, 16321.0, "Australia"]),
        new XlsxBuilder.Sheet("Year 2010-2011",
            HeaderII,
            [536365, "85123A", "WHITE HANGING HEART", 6, 40513.35138888889, 2.55, 17850, "United Kingdom"],
            ["536366", "POST", "POSTAGE", 1, "2010-12-01 08:28:00", 18, null, "France"]));

    [Fact]
    public void Reads_every_sheet_with_its_header()
    {
        var result = IngestFiles.Read(TwoYearWorkbook(), "online_retail_II.xlsx");
        Assert.Equal("XLSX", result.Report.Format);
        Assert.Equal(4, result.Report.LinesRead);
        // Excel row numbers within each sheet (issue 13): row 3 of the first sheet is blank and skipped.
        Assert.Equal([2L, 4, 2, 3], result.Records.Select(r => r.LineNumber));
        Assert.Equal(["489434", "C489449", "536365", "536366"], result.Records.Select(r => r.Invoice));
        Assert.Equal(new DateTime(2009, 12, 1, 7, 45, 0), result.Records[0].InvoiceDate);
        Assert.Equal(new DateTime(2010, 12, 1, 8, 26, 0), result.Records[2].InvoiceDate); // unstyled serial number
        Assert.Equal(new DateTime(2010, 12, 1, 8, 28, 0), result.Records[3].InvoiceDate); // text date
        Assert.Equal(["13085", "16321", "17850", null], result.Records.Select(r => r.CustomerId));
        Assert.Equal("15CM CHRISTMAS GLASS BALL £", result.Records[0].Description);
        Assert.Equal([6.95, 2.95, 2.55, 18.0], result.Records.Select(r => r.Price));
        Assert.Equal(1, result.Report.Count(ImportRule.Cancellation));
        Assert.Equal(1, result.Report.Count(ImportRule.NonProduct));
    }

    [Fact]
    public void Format_is_detected_from_content_whatever_the_name()
    {
        var result = IngestFiles.Read(TwoYearWorkbook(), "export.csv");
        Assert.Equal("XLSX", result.Report.Format);
        Assert.Equal(4, result.Report.RowsImported);
        Assert.Contains(result.Report.Notes, n => n.Contains("suggests CSV but the content is XLSX"));
    }

    [Fact]
    public void Sheet_without_the_columns_is_skipped_with_a_note()
    {
        var book = XlsxBuilder.Build(
            new XlsxBuilder.Sheet("Notes", ["Read me"], ["Data from the ERP"]),
            new XlsxBuilder.Sheet("Data", HeaderII, [1, "A1", "X", 1, new DateTime(2011, 1, 1), 1.0, 5, "UK"]));
        var result = IngestFiles.Read(book, "b.xlsx");
        Assert.Equal(1, result.Report.RowsImported);
        Assert.Contains(result.Report.Notes, n => n.Contains("sheet 'Notes' skipped"));
    }

    [Fact]
    public void Workbook_without_any_usable_sheet_is_refused()
    {
        var e = Assert.Throws<ImportRejectedException>(() =>
            IngestFiles.Read(XlsxBuilder.Build(new XlsxBuilder.Sheet("Notes", ["Read me"], ["x"])), "b.xlsx"));
        Assert.Equal(RejectionKind.MissingColumns, e.Kind);
        Assert.Contains("Sheet 'Notes'", e.Message);
    }

    [Fact]
    public void Zip_that_is_not_a_workbook_is_refused()
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, true))
        using (var w = new StreamWriter(archive.CreateEntry("data.csv").Open())) w.Write(IngestFiles.HeaderII);
        zip.Position = 0;
        var e = Assert.Throws<ImportRejectedException>(() => IngestFiles.Read(zip, "data.zip"));
        Assert.Equal(RejectionKind.UnsupportedFormat, e.Kind);
    }

    [Fact]
    public void Highly_compressed_part_is_refused_as_a_possible_bomb()
    {
        var book = XlsxBuilder.Build(new XlsxBuilder.Sheet("Data", HeaderII));
        using (var archive = new ZipArchive(book, ZipArchiveMode.Update, true))
        using (var s = archive.CreateEntry("xl/media/padding.bin", CompressionLevel.SmallestSize).Open())
            s.Write(new byte[50 * 1024 * 1024]); // ~50 MB of zeros deflate to ~50 KB: ratio ~1000
        book.Position = 0;
        var e = Assert.Throws<ImportRejectedException>(() => IngestFiles.Read(book, "b.xlsx"));
        Assert.Equal(RejectionKind.DecompressionLimit, e.Kind);
    }

    [Fact]
    public void Total_uncompressed_size_limit_applies()
    {
        var e = Assert.Throws<ImportRejectedException>(() =>
            IngestFiles.Read(TwoYearWorkbook(), "b.xlsx", options: new IngestionOptions { MaxXlsxUncompressedBytes = 1000 }));
        Assert.Equal(RejectionKind.DecompressionLimit, e.Kind);
    }

    [Fact]
    public void Damaged_workbook_is_refused_not_crashed()
    {
        var book = XlsxBuilder.Build(new XlsxBuilder.Sheet("Data", HeaderII, [1, "A1", "X", 1, 40513.5, 1.0, 5, "UK"]));
        using (var archive = new ZipArchive(book, ZipArchiveMode.Update, true))
        {
            archive.GetEntry("xl/worksheets/sheet1.xml")!.Delete();
            using var w = new StreamWriter(archive.CreateEntry("xl/worksheets/sheet1.xml").Open());
            w.Write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Inv");
        }
        book.Position = 0;
        var e = Assert.Throws<ImportRejectedException>(() => IngestFiles.Read(book, "b.xlsx"));
        Assert.Equal(RejectionKind.CorruptFile, e.Kind);
    }
}
