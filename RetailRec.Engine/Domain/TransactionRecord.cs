namespace RetailRec.Engine.Domain;

/// <summary>
/// One parsed line of a transaction file in the Online Retail II shape, before any cleaning.
/// <see cref="LineNumber"/> is the 1-based data line in the source (header excluded) so reports can point at it.
/// </summary>
public sealed record TransactionRecord(
    long LineNumber,
    string Invoice,
    string StockCode,
    string Description,
    int Quantity,
    DateTime InvoiceDate,
    double Price,
    string? CustomerId,
    string Country)
{
    public LineFlags Flags { get; init; }
}
