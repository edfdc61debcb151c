namespace RetailRec.Engine.Storage;

/// <summary>An imported transaction file. Summary figures are computed once at import so lists stay fast.</summary>
public sealed class DatasetEntity
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string SourceFileName { get; set; }
    /// <summary>sha256 of the uploaded bytes (hex); re-uploads of an identical file are detected with it.</summary>
    public required string ContentHash { get; set; }
    public DateTime ImportedAtUtc { get; set; }
    public bool IsActive { get; set; }
    public bool IsDemo { get; set; }
    public long LinesRead { get; set; }
    public long RowsImported { get; set; }
    public int Customers { get; set; }
    public int Items { get; set; }
    public int Invoices { get; set; }
    public DateTime? FirstInvoiceAt { get; set; }
    public DateTime? LastInvoiceAt { get; set; }
    /// <summary>Net revenue: sum of quantity x price over imported product lines, returns included.</summary>
    public double Revenue { get; set; }
    public double ReturnRate { get; set; }
    /// <summary>The validation report, as JSON (Ingestion.ImportReport).</summary>
    public string ReportJson { get; set; } = "{}";
}
