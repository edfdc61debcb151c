using RetailRec.Engine.Domain;

namespace RetailRec.Engine.Storage;

/// <summary>One stored line of a dataset (table "transactions"). Written in bulk by the importer, never via SaveChanges.</summary>
public sealed class TransactionEntity
{
    public long Id { get; set; }
    public int DatasetId { get; set; }
    public long LineNumber { get; set; }
    public required string Invoice { get; set; }
    public required string StockCode { get; set; }
    public required string Description { get; set; }
    public int Quantity { get; set; }
    public DateTime InvoiceDate { get; set; }
    public double Price { get; set; }
    public string? CustomerId { get; set; }
    public required string Country { get; set; }
    public LineFlags Flags { get; set; }
}
