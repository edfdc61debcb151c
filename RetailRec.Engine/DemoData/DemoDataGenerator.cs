using RetailRec.Engine.Domain;

namespace RetailRec.Engine.DemoData;

/// <summary>
/// Seeded generator of an Online Retail II-shaped demo dataset (see docs/DEMO_DATA.md): customer tiers with churn,
/// repeat purchases, a November peak, planted item affinities, launches, slow and dead items, cancellations,
/// returns, guest checkouts, non-product lines and several countries. Same options, same output, byte for byte.
/// </summary>
public static class DemoDataGenerator
{
    public const int FirstInvoiceNumber = 489434; // where Online Retail II starts

    public static DemoDataset Generate(DemoDataOptions? options = null)
    {
        var o = options ?? new DemoDataOptions();
        o.Validate();
        var rng = new Random(o.Seed);
        var (products, themes) = DemoCatalog.Build(o, rng);
        var sampler = new ProductSampler(products);
        var customers = DemoCustomers.Build(o, products, themes, sampler, rng);
        var calendar = new DemoCalendar(o.Start, o.End);
        var filler = new DemoBasketFiller(products, themes, sampler, o);
        var invoices = new List<DemoInvoice>();

        var saleLines = o.TargetLines * (1 - o.CancellationShare - o.ReturnShare - o.NonProductShare);
        var guestLines = o.TargetLines * o.MissingCustomerShare;
        AddCustomerSales(o, customers, calendar, filler, invoices, saleLines - guestLines, rng);
        AddGuestSales(o, calendar, filler, invoices, guestLines, rng);
        DemoAdjustments.AddNonProductLines(invoices, (int)Math.Round(o.TargetLines * o.NonProductShare), rng);
        DemoAdjustments.AddCancellations(o, invoices, (int)Math.Round(o.TargetLines * o.CancellationShare), rng);
        DemoAdjustments.AddReturns(o, invoices, (int)Math.Round(o.TargetLines * o.ReturnShare), rng);

        return new DemoDataset(o, ToRecords(invoices, customers), products, themes, customers);
    }

    private static void AddCustomerSales(DemoDataOptions o, DemoCustomer[] customers, DemoCalendar calendar, DemoBasketFiller filler,
        List<DemoInvoice> invoices, double targetLines, Random rng)
    {
        // Scale every customer's rate by one factor so the expected line count meets the target. Every customer
        // buys at least once, E[max(1, Poisson(m))] = m + exp(-m), so the factor is found by a few fixed-point steps.
        var weights = new double[customers.Length];
        var sizes = new double[customers.Length];
        foreach (var c in customers)
        {
            weights[c.Index] = c.BasketsPerDay * calendar.Weight(calendar.DayIndex(c.FirstActive), calendar.DayIndex(c.LastActive));
            sizes[c.Index] = o.MeanBasketLines * DemoCustomers.BasketSizeFactor(c.Tier);
        }
        var scale = 1.0;
        for (var step = 0; step < 20; step++)
        {
            double expected = 0, floor = 0;
            for (var i = 0; i < weights.Length; i++)
            {
                expected += scale * weights[i] * sizes[i];
                floor += Math.Exp(-scale * weights[i]) * sizes[i];
            }
            scale *= Math.Max(0.05, targetLines - floor) / expected;
        }

        foreach (var c in customers)
        {
            int from = calendar.DayIndex(c.FirstActive), to = calendar.DayIndex(c.LastActive);
            var count = Math.Max(1, rng.NextPoisson(scale * weights[c.Index]));
            for (var k = 0; k < count; k++)
            {
                var day = calendar.SampleDay(rng, from, to);
                if (rng.NextDouble() < 0.35) // habit: many orders land on the customer's usual weekday
                {
                    var shifted = day - (int)calendar.Start.AddDays(day).DayOfWeek + (int)c.PreferredDay;
                    if (shifted >= from && shifted < to && calendar.IsTradingDay(shifted)) day = shifted;
                }
                var invoice = new DemoInvoice(invoices.Count, TimeOfDay(calendar.Start.AddDays(day), c.PreferredHour, rng),
                    c.Index, c.Country, DemoInvoiceKind.Sale);
                filler.Fill(rng, invoice, c, filler.DrawSize(rng, c.Tier));
                if (invoice.Lines.Count > 0) invoices.Add(invoice);
            }
        }
    }

    private static void AddGuestSales(DemoDataOptions o, DemoCalendar calendar, DemoBasketFiller filler,
        List<DemoInvoice> invoices, double targetLines, Random rng)
    {
        for (double lines = 0; lines < targetLines;)
        {
            var day = calendar.SampleDay(rng, 0, calendar.Days);
            var country = rng.NextDouble() < 0.9 ? "United Kingdom" : DemoWordLists.Countries[rng.Next(DemoWordLists.Countries.Length)].Name;
            var invoice = new DemoInvoice(invoices.Count, TimeOfDay(calendar.Start.AddDays(day), 13, rng), -1, country, DemoInvoiceKind.Sale);
            filler.Fill(rng, invoice, null, filler.DrawSize(rng, null));
            if (invoice.Lines.Count == 0) continue;
            invoices.Add(invoice);
            lines += invoice.Lines.Count;
        }
    }

    private static DateTime TimeOfDay(DateTime day, int preferredHour, Random rng) =>
        day.AddHours(Math.Clamp((int)Math.Round(preferredHour + rng.NextGaussian() * 1.5), 7, 20)).AddMinutes(rng.Next(60));

    private static List<TransactionRecord> ToRecords(List<DemoInvoice> invoices, DemoCustomer[] customers)
    {
        invoices.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Order.CompareTo(b.Order));
        var records = new List<TransactionRecord>(invoices.Sum(i => i.Lines.Count));
        var number = FirstInvoiceNumber;
        foreach (var inv in invoices)
        {
            var invoiceNo = (inv.Kind == DemoInvoiceKind.Cancellation ? "C" : "") + number++.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var customerId = inv.Customer >= 0 ? customers[inv.Customer].CustomerId : null;
            foreach (var l in inv.Lines)
            {
                var flags = inv.Kind switch
                {
                    DemoInvoiceKind.Cancellation => LineFlags.Cancellation | LineFlags.Return,
                    DemoInvoiceKind.Return => LineFlags.Return,
                    _ => LineFlags.None,
                };
                if (customerId is null) flags |= LineFlags.MissingCustomer;
                if (l.Product < 0) flags |= LineFlags.NonProduct;
                records.Add(new TransactionRecord(records.Count + 1, invoiceNo, l.StockCode, l.Description, l.Quantity, inv.Time, l.Price,
                    customerId, inv.Country) { Flags = flags });
            }
        }
        return records;
    }
}
