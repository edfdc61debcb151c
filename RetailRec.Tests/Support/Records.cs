using RetailRec.Engine.Domain;

namespace RetailRec.Tests.Support;

/// <summary>Terse construction of hand-made transaction fixtures.</summary>
public static class Records
{
    private static long _line;

    public static TransactionRecord Sale(string customer, string invoice, string item, string date, int qty = 1, double price = 1.0,
        string country = "United Kingdom", string? description = null) =>
        new(Interlocked.Increment(ref _line), invoice, item, description ?? "ITEM " + item, qty,
            DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture), price, customer, country);

    public static TransactionRecord Return(string customer, string invoice, string item, string date, int qty, double price = 1.0) =>
        Sale(customer, invoice, item, date, qty, price) with
        {
            Flags = (invoice.StartsWith('C') ? LineFlags.Cancellation : LineFlags.None) | LineFlags.Return,
        };
}
