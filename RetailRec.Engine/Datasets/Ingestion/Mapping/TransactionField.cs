namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>The logical fields of a transaction line (the Online Retail II shape).</summary>
public enum TransactionField
{
    Invoice,
    StockCode,
    Description,
    Quantity,
    InvoiceDate,
    Price,
    CustomerId,
    Country,
}

public static class TransactionFields
{
    public static IReadOnlyList<TransactionField> All { get; } = Enum.GetValues<TransactionField>();

    /// <summary>
    /// Fields a file must have. Description and Country only decorate results, so files without them are still
    /// usable (they read as empty); CustomerId is required because every customer analysis depends on it.
    /// </summary>
    public static IReadOnlyList<TransactionField> Required { get; } =
    [
        TransactionField.Invoice, TransactionField.StockCode, TransactionField.Quantity,
        TransactionField.InvoiceDate, TransactionField.Price, TransactionField.CustomerId,
    ];

    public static bool IsRequired(TransactionField f) => Required.Contains(f);
}
