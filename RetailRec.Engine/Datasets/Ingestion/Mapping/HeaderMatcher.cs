namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>
/// Recognises the column names of Online Retail II (Invoice, Price, Customer ID) and Online Retail I
/// (InvoiceNo, UnitPrice, CustomerID) plus a few obvious synonyms, and resolves a mapping to column indexes.
/// </summary>
public static class HeaderMatcher
{
    private static readonly Dictionary<string, TransactionField> Aliases = new(StringComparer.Ordinal)
    {
        ["invoice"] = TransactionField.Invoice,
        ["invoiceno"] = TransactionField.Invoice,
        ["invoicenumber"] = TransactionField.Invoice,
        ["stockcode"] = TransactionField.StockCode,
        ["description"] = TransactionField.Description,
        ["quantity"] = TransactionField.Quantity,
        ["qty"] = TransactionField.Quantity,
        ["invoicedate"] = TransactionField.InvoiceDate,
        ["price"] = TransactionField.Price,
        ["unitprice"] = TransactionField.Price,
        ["customerid"] = TransactionField.CustomerId,
        ["country"] = TransactionField.Country,
    };

    /// <summary>Lower-case letters and digits only: "Customer ID", "customer_id" and "CustomerID" all become "customerid".</summary>
    public static string Normalize(string name)
    {
        Span<char> buffer = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        var n = 0;
        foreach (var c in name)
            if (char.IsLetterOrDigit(c)) buffer[n++] = char.ToLowerInvariant(c);
        return new string(buffer[..n]);
    }

    /// <summary>The mapping recognised from a header; the first column wins when a field matches twice.</summary>
    public static ColumnMapping Detect(IReadOnlyList<string> header)
    {
        var mapping = ColumnMapping.Empty;
        foreach (var column in header)
            if (Aliases.TryGetValue(Normalize(column), out var field) && mapping[field] is null)
                mapping = mapping.With(field, column);
        return mapping;
    }

    /// <summary>Column index per field (-1 when unmapped), or the required fields whose column is absent from the header.</summary>
    public static int[] Resolve(ColumnMapping mapping, IReadOnlyList<string> header, out IReadOnlyList<TransactionField> missing)
    {
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = header.Count - 1; i >= 0; i--) byName[Normalize(header[i])] = i; // first occurrence wins
        var indexes = new int[TransactionFields.All.Count];
        var absent = new List<TransactionField>();
        foreach (var field in TransactionFields.All)
        {
            var column = mapping[field];
            indexes[(int)field] = !string.IsNullOrWhiteSpace(column) && byName.TryGetValue(Normalize(column), out var i) ? i : -1;
            if (indexes[(int)field] < 0 && TransactionFields.IsRequired(field)) absent.Add(field);
        }
        missing = absent;
        return indexes;
    }
}
