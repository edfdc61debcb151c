namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>One data line's mapped fields as text, before conversion (unmapped optional fields are "").</summary>
internal readonly record struct RawLine(
    long Line,
    string Invoice,
    string StockCode,
    string Description,
    string Quantity,
    string InvoiceDate,
    string Price,
    string CustomerId,
    string Country);
