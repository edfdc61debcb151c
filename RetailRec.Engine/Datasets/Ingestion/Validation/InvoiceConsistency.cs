namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>
/// Remembers each invoice's first line (customer, date, country) and tells when a later line of the same invoice
/// disagrees. Lines of one invoice are nearly always adjacent, so the previous invoice is checked before the dictionary.
/// </summary>
internal sealed class InvoiceConsistency
{
    private sealed record Head(long Line, string? Customer, DateTime Date, string Country);

    private readonly Dictionary<string, Head> _heads = new(StringComparer.Ordinal);
    private string? _lastInvoice;
    private Head? _last;

    /// <summary>Null when the line agrees with its invoice's first line (or is the first); else what differs.</summary>
    public string? Check(string invoice, long line, string? customer, DateTime date, string country)
    {
        Head? head;
        if (ReferenceEquals(invoice, _lastInvoice) || invoice == _lastInvoice) head = _last;
        else if (!_heads.TryGetValue(invoice, out head))
        {
            _heads[invoice] = _last = new Head(line, customer, date, country);
            _lastInvoice = invoice;
            return null;
        }
        _lastInvoice = invoice;
        _last = head;
        if (head is null) return null;

        if (!string.Equals(head.Customer, customer, StringComparison.Ordinal))
            return $"invoice {invoice} has customer {customer ?? "(none)"} here but {head.Customer ?? "(none)"} on line {head.Line}";
        if (head.Date != date)
            return $"invoice {invoice} is dated {date:yyyy-MM-dd HH:mm:ss} here but {head.Date:yyyy-MM-dd HH:mm:ss} on line {head.Line}";
        if (!string.Equals(head.Country, country, StringComparison.Ordinal))
            return $"invoice {invoice} has country '{country}' here but '{head.Country}' on line {head.Line}";
        return null;
    }
}
