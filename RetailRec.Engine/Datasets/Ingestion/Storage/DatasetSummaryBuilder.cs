using RetailRec.Engine.Storage;
using RetailRec.Engine.Domain;

namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>
/// The summary figures stored on <see cref="DatasetEntity"/>, accumulated batch by batch during the import.
/// <list type="bullet">
/// <item>Customers: distinct known customer ids over all imported rows.</item>
/// <item>Items: distinct stock codes of product lines (non-product codes excluded), case-insensitive as in RetailLog.</item>
/// <item>Invoices: distinct invoice numbers over all imported rows (cancellations included).</item>
/// <item>First/LastInvoiceAt: earliest and latest invoice date over all imported rows except implausible dates.</item>
/// <item>Revenue: net, sum of quantity x price over product lines that are not exact duplicates, with returns and
/// cancellations (negative quantities) subtracting and lines without a customer included: money is money.</item>
/// <item>ReturnRate: returned value / gross sold value over the same lines (|q| x p for q &lt; 0 over q x p for q &gt; 0).</item>
/// </list>
/// </summary>
public sealed class DatasetSummaryBuilder
{
    private readonly HashSet<string> _customers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _items = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _invoices = new(StringComparer.Ordinal);
    private DateTime? _first, _last;
    private double _revenue, _gross, _returned;

    public void Add(IReadOnlyList<TransactionRecord> batch)
    {
        foreach (var r in batch) Add(r);
    }

    public void Add(TransactionRecord r)
    {
        if (r.CustomerId is not null) _customers.Add(r.CustomerId);
        _invoices.Add(r.Invoice);
        if ((r.Flags & LineFlags.ImplausibleDate) == 0)
        {
            if (_first is null || r.InvoiceDate < _first) _first = r.InvoiceDate;
            if (_last is null || r.InvoiceDate > _last) _last = r.InvoiceDate;
        }
        if ((r.Flags & LineFlags.NonProduct) != 0) return;
        _items.Add(r.StockCode);
        if ((r.Flags & LineFlags.Duplicate) != 0) return;
        var value = r.Quantity * r.Price;
        _revenue += value;
        if (r.Quantity > 0) _gross += value;
        else if (r.Quantity < 0) _returned -= value;
    }

    public int Customers => _customers.Count;
    public int Items => _items.Count;
    public int Invoices => _invoices.Count;
    public double Revenue => _revenue;
    public double ReturnRate => _gross > 0 ? _returned / _gross : 0;

    public void ApplyTo(DatasetEntity dataset)
    {
        dataset.Customers = Customers;
        dataset.Items = Items;
        dataset.Invoices = Invoices;
        dataset.FirstInvoiceAt = _first;
        dataset.LastInvoiceAt = _last;
        dataset.Revenue = Math.Round(_revenue, 2);
        dataset.ReturnRate = ReturnRate;
    }
}
