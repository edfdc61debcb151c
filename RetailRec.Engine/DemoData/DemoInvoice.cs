namespace RetailRec.Engine.DemoData;

internal enum DemoInvoiceKind { Sale, Cancellation, Return }

/// <summary>A line before invoice numbering. Product is -1 for non-product codes (POST, DOT, M).</summary>
internal readonly record struct DemoLine(int Product, string StockCode, string Description, int Quantity, double Price);

/// <summary>
/// An invoice being generated. <see cref="Order"/> is the creation order, the tie-break that keeps
/// numbering deterministic when two invoices share a timestamp. Customer is -1 for guest checkouts.
/// </summary>
internal sealed class DemoInvoice(long order, DateTime time, int customer, string country, DemoInvoiceKind kind)
{
    public long Order { get; } = order;
    public DateTime Time { get; } = time;
    public int Customer { get; } = customer;
    public string Country { get; } = country;
    public DemoInvoiceKind Kind { get; } = kind;
    public List<DemoLine> Lines { get; } = [];

    public bool Contains(int product)
    {
        foreach (var l in Lines) if (l.Product == product) return true;
        return false;
    }
}
