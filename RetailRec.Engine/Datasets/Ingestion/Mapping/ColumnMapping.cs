namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>
/// Which source column holds each logical field (null: the file has no such column).
/// Column names are matched case-insensitively, ignoring spaces, underscores, dots and dashes.
/// </summary>
public sealed record ColumnMapping(
    string? Invoice,
    string? StockCode,
    string? Description,
    string? Quantity,
    string? InvoiceDate,
    string? Price,
    string? CustomerId,
    string? Country)
{
    public static ColumnMapping Empty { get; } = new(null, null, null, null, null, null, null, null);

    public string? this[TransactionField field] => field switch
    {
        TransactionField.Invoice => Invoice,
        TransactionField.StockCode => StockCode,
        TransactionField.Description => Description,
        TransactionField.Quantity => Quantity,
        TransactionField.InvoiceDate => InvoiceDate,
        TransactionField.Price => Price,
        TransactionField.CustomerId => CustomerId,
        TransactionField.Country => Country,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    public ColumnMapping With(TransactionField field, string? column) => field switch
    {
        TransactionField.Invoice => this with { Invoice = column },
        TransactionField.StockCode => this with { StockCode = column },
        TransactionField.Description => this with { Description = column },
        TransactionField.Quantity => this with { Quantity = column },
        TransactionField.InvoiceDate => this with { InvoiceDate = column },
        TransactionField.Price => this with { Price = column },
        TransactionField.CustomerId => this with { CustomerId = column },
        TransactionField.Country => this with { Country = column },
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>Required fields this mapping leaves unassigned.</summary>
    public IReadOnlyList<TransactionField> MissingRequired() =>
        TransactionFields.Required.Where(f => string.IsNullOrWhiteSpace(this[f])).ToArray();
}
