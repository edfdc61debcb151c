namespace RetailRec.Engine.DemoData;

/// <summary>Lines that are not plain product sales: postage and manual codes, cancellations and returns.</summary>
internal static class DemoAdjustments
{
    /// <summary>POST on foreign orders, DOT (dotcom postage) on guest web orders, M (manual) now and then.</summary>
    public static void AddNonProductLines(List<DemoInvoice> invoices, int count, Random rng)
    {
        var sales = invoices.Where(i => i.Kind == DemoInvoiceKind.Sale).ToArray();
        for (var k = 0; k < count && sales.Length > 0; k++)
        {
            var inv = sales[rng.Next(sales.Length)];
            var line = inv.Customer < 0 ? new DemoLine(-1, "DOT", "DOTCOM POSTAGE", 1, Math.Round(5 + rng.NextDouble() * 40, 2))
                : inv.Country != "United Kingdom" || rng.NextDouble() < 0.3 ? new DemoLine(-1, "POST", "POSTAGE", rng.Next(1, 4), rng.NextDouble() < 0.7 ? 18.0 : 28.0)
                : new DemoLine(-1, "M", "Manual", 1, Math.Round(0.5 + rng.NextDouble() * 30, 2));
            inv.Lines.Add(line);
        }
    }

    /// <summary>
    /// Cancellations mirror part of an earlier sale of a known customer: invoice "C...", negative quantity, same price,
    /// up to 14 days later (never past the end, and so never inside a churned customer's quiet period).
    /// </summary>
    public static void AddCancellations(DemoDataOptions o, List<DemoInvoice> invoices, int lines, Random rng) =>
        Mirror(o, invoices, lines, rng, DemoInvoiceKind.Cancellation, maxLines: 3);

    /// <summary>Returns: one product line back on an ordinary invoice number, negative quantity.</summary>
    public static void AddReturns(DemoDataOptions o, List<DemoInvoice> invoices, int lines, Random rng) =>
        Mirror(o, invoices, lines, rng, DemoInvoiceKind.Return, maxLines: 1);

    private static void Mirror(DemoDataOptions o, List<DemoInvoice> invoices, int lines, Random rng, DemoInvoiceKind kind, int maxLines)
    {
        var sales = invoices.Where(i => i.Kind == DemoInvoiceKind.Sale && i.Customer >= 0).ToArray();
        var latest = o.End.AddMinutes(-1);
        for (var made = 0; made < lines && sales.Length > 0;)
        {
            var original = sales[rng.Next(sales.Length)];
            var productLines = original.Lines.Where(l => l.Product >= 0).ToArray();
            if (productLines.Length == 0) continue;
            var time = original.Time.AddMinutes(rng.Next(0, 14 * 24 * 60));
            if (time > latest) time = latest;
            var mirror = new DemoInvoice(invoices.Count, time, original.Customer, original.Country, kind);
            rng.Shuffle(productLines);
            foreach (var l in productLines.Take(Math.Min(rng.Next(1, maxLines + 1), lines - made)))
            {
                var quantity = rng.NextDouble() < 0.7 ? l.Quantity : Math.Max(1, l.Quantity / 2);
                mirror.Lines.Add(l with { Quantity = -quantity });
                made++;
            }
            invoices.Add(mirror);
        }
    }
}
