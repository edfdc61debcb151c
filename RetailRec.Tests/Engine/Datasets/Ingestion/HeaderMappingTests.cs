using RetailRec.Engine.Datasets.Ingestion;

namespace RetailRec.Tests.Engine.Datasets.Ingestion;

public class HeaderMappingTests
{
    private const string CustomHeader = "Beleg;Artikel;Text;Menge;Datum;Preis;Kunde;Land";
    // Customer ids are whole numbers since issue 13 ("K77" would be reported), so the ERP row uses 4711.
    private const string CustomRow = "A-1;SKU9;Teller;3;01.12.2010 08:26;4,50;4711;Deutschland";

    private static readonly ColumnMapping CustomMapping = new("Beleg", "Artikel", "Text", "Menge", "Datum", "Preis", "Kunde", "Land");

    [Fact]
    public void Detects_both_Online_Retail_spellings()
    {
        var ii = HeaderMatcher.Detect(IngestFiles.HeaderII.Split(','));
        var i = HeaderMatcher.Detect(IngestFiles.HeaderI.Split(','));
        Assert.Equal(("Invoice", "Price", "Customer ID"), (ii.Invoice, ii.Price, ii.CustomerId));
        Assert.Equal(("InvoiceNo", "UnitPrice", "CustomerID"), (i.Invoice, i.Price, i.CustomerId));
        Assert.Empty(ii.MissingRequired());
        Assert.Empty(i.MissingRequired());
    }

    [Fact]
    public void Inspector_reports_columns_mapping_gaps_and_preview()
    {
        var inspection = new HeaderInspector().Inspect(IngestFiles.Lines(CustomHeader, CustomRow, CustomRow, CustomRow), "erp.csv", previewRows: 2);

        Assert.Equal(CustomHeader.Split(';'), inspection.Columns);
        Assert.Equal("semicolon", inspection.Delimiter);
        Assert.False(inspection.IsComplete);
        Assert.Equal(TransactionFields.Required, inspection.UnmappedRequired);
        Assert.Equal([TransactionField.Description, TransactionField.Country], inspection.UnmappedOptional);
        Assert.Equal(2, inspection.PreviewRows.Count);
        Assert.Equal("Teller", inspection.PreviewRows[0][2]);
    }

    [Fact]
    public void Inspector_finds_partial_mapping()
    {
        var inspection = new HeaderInspector().Inspect(IngestFiles.Lines("Invoice,StockCode,Qty,InvoiceDate,Amount,Client", "1,A,1,2010-12-01 08:00,1,7"), "x.csv");
        Assert.Equal("Qty", inspection.DetectedMapping.Quantity);
        Assert.Equal([TransactionField.Price, TransactionField.CustomerId], inspection.UnmappedRequired);
    }

    [Fact]
    public void Inspector_shows_the_first_complete_sheet_of_a_workbook()
    {
        var book = XlsxBuilder.Build(
            new XlsxBuilder.Sheet("Notes", ["Read me"], ["x"]),
            new XlsxBuilder.Sheet("Year 2010-2011", IngestFiles.HeaderII.Split(','), [536365, "85123A", "HEART", 6, 40513.35, 2.55, 17850, "United Kingdom"]));
        var inspection = new HeaderInspector().Inspect(book, "b.xlsx");
        Assert.Equal("Year 2010-2011", inspection.SheetName);
        Assert.True(inspection.IsComplete);
        Assert.Equal("536365", inspection.PreviewRows.Single()[0]);
    }

    [Fact]
    public void Explicit_mapping_imports_a_foreign_header()
    {
        var result = IngestFiles.Read(IngestFiles.Lines(CustomHeader, CustomRow), "erp.csv", CustomMapping);
        var r = result.Records.Single();
        Assert.Equal(("A-1", "SKU9", "Teller", 3, 4.5, "4711", "Deutschland"), (r.Invoice, r.StockCode, r.Description, r.Quantity, r.Price, r.CustomerId, r.Country));
        Assert.Equal(new DateTime(2010, 12, 1, 8, 26, 0), r.InvoiceDate);
    }

    [Fact]
    public void Mapping_matches_columns_ignoring_case_and_spaces()
    {
        var mapping = CustomMapping with { Invoice = " beleg ", CustomerId = "KUNDE" };
        Assert.Single(IngestFiles.Read(IngestFiles.Lines(CustomHeader, CustomRow), "erp.csv", mapping).Records);
    }

    [Fact]
    public void Mapping_may_leave_optional_fields_out()
    {
        var mapping = CustomMapping with { Description = null, Country = null };
        var r = IngestFiles.Read(IngestFiles.Lines(CustomHeader, CustomRow), "erp.csv", mapping).Records.Single();
        Assert.Equal(("", ""), (r.Description, r.Country));
    }

    [Fact]
    public void Mapping_to_a_column_the_file_lacks_is_refused()
    {
        var e = Assert.Throws<ImportRejectedException>(() =>
            IngestFiles.Read(IngestFiles.Lines(CustomHeader, CustomRow), "erp.csv", CustomMapping with { Price = "Betrag" }));
        Assert.Equal(RejectionKind.MissingColumns, e.Kind);
        Assert.Contains("Price", e.Message);
    }
}
