using RetailRec.Engine.Domain;

namespace RetailRec.Engine.Datasets.RetailLogs;

/// <summary>
/// Turns stored or parsed transaction records into a <see cref="RetailLog"/>.
/// Valid product lines: not a cancellation, positive quantity and price, a product stock code, a known customer,
/// not an exact duplicate. Returns and cancellations of known customers/products become <see cref="ReturnLine"/>s.
/// </summary>
public static class RetailLogBuilder
{
    private const LineFlags Excluded = LineFlags.Cancellation | LineFlags.Return | LineFlags.MissingCustomer
                                       | LineFlags.NonPositivePrice | LineFlags.NonProduct | LineFlags.Duplicate
                                       | LineFlags.ZeroQuantity | LineFlags.SignMismatch | LineFlags.ImplausibleDate;

    public static bool IsValidProductLine(TransactionRecord r) =>
        (r.Flags & Excluded) == 0 && r.Quantity > 0 && r.Price > 0 && !string.IsNullOrEmpty(r.CustomerId);

    public static RetailLog Build(IEnumerable<TransactionRecord> records)
    {
        var customers = new Dictionary<string, int>(StringComparer.Ordinal);
        var customerIds = new List<string>();
        var countries = new List<string>();
        var items = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var itemCodes = new List<string>();
        var descriptions = new List<string>();
        var sales = new List<(TransactionRecord R, int C, int I)>();
        var returns = new List<ReturnLine>();

        foreach (var r in records.OrderBy(r => r.InvoiceDate).ThenBy(r => r.LineNumber))
        {
            var isSale = IsValidProductLine(r);
            var isReturn = !isSale && (r.Flags & (LineFlags.Cancellation | LineFlags.Return)) != 0
                           && (r.Flags & (LineFlags.MissingCustomer | LineFlags.NonProduct | LineFlags.Duplicate | LineFlags.ImplausibleDate)) == 0
                           && !string.IsNullOrEmpty(r.CustomerId) && r.Price > 0 && r.Quantity < 0;
            if (!isSale && !isReturn) continue;

            if (!customers.TryGetValue(r.CustomerId!, out var c))
            {
                c = customerIds.Count;
                customers[r.CustomerId!] = c;
                customerIds.Add(r.CustomerId!);
                countries.Add(r.Country);
            }
            if (!items.TryGetValue(r.StockCode, out var i))
            {
                i = itemCodes.Count;
                items[r.StockCode] = i;
                itemCodes.Add(r.StockCode);
                descriptions.Add(r.Description);
            }
            else if (string.IsNullOrWhiteSpace(descriptions[i]) && !string.IsNullOrWhiteSpace(r.Description))
            {
                descriptions[i] = r.Description;
            }

            if (isSale) sales.Add((r, c, i));
            else returns.Add(new ReturnLine(c, i, r.InvoiceDate, r.Quantity, r.Price));
        }

        // Group sale lines into baskets: one invoice of one customer.
        var basketIndex = new Dictionary<(string Invoice, int Customer), int>();
        var basketItems = new List<List<int>>(); // file order, distinct
        var basketMeta = new List<(int Customer, string Invoice, DateTime Time)>();
        var basketValue = new List<double>();
        var lines = new SaleLine[sales.Count];
        for (var k = 0; k < sales.Count; k++)
        {
            var (r, c, i) = sales[k];
            if (!basketIndex.TryGetValue((r.Invoice, c), out var b))
            {
                b = basketMeta.Count;
                basketIndex[(r.Invoice, c)] = b;
                basketMeta.Add((c, r.Invoice, r.InvoiceDate));
                basketItems.Add([]);
                basketValue.Add(0);
            }
            if (!basketItems[b].Contains(i)) basketItems[b].Add(i);
            basketValue[b] += r.Quantity * r.Price;
            lines[k] = new SaleLine(c, i, b, r.InvoiceDate, r.Quantity, r.Price);
        }

        var baskets = new Basket[basketMeta.Count];
        for (var b = 0; b < baskets.Length; b++)
            baskets[b] = new Basket(b, basketMeta[b].Customer, basketMeta[b].Invoice, basketMeta[b].Time,
                basketItems[b].ToArray(), basketValue[b]);

        return new RetailLog
        {
            CustomerIds = customerIds.ToArray(),
            CustomerCountries = countries.ToArray(),
            ItemCodes = itemCodes.ToArray(),
            ItemDescriptions = descriptions.ToArray(),
            Lines = lines,
            Baskets = baskets,
            Returns = returns.ToArray(),
        };
    }
}
