using System.Globalization;
using System.Text;
using CsvHelper;

namespace RetailRec.Engine.DemoData;

/// <summary>One row of a stock file: units on hand now, units in the last delivery, and when it arrived.</summary>
public sealed record DemoStockRow(string StockCode, int OnHand, int Received, DateTime ReceivedDate);

/// <summary>
/// A sample stock file matching the demo data, for the sell-through feature: each product's last delivery is sized
/// from its recent demand, so fast sellers run low while slow and dead items sit on most of what arrived.
/// </summary>
public static class DemoStockFile
{
    public const string Header = "StockCode,OnHand,Received,ReceivedDate";

    public static IReadOnlyList<DemoStockRow> Generate(DemoDataset data)
    {
        var o = data.Options;
        var rng = new Random(unchecked(o.Seed * 31 + 7)); // its own stream: adding a stock file never changes the transactions
        var asOf = o.End;
        var sold = new Dictionary<string, (int Sold90, List<(DateTime Time, int Qty)> Sales)>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in data.Records)
        {
            if (r.Quantity <= 0 || r.Flags != 0) continue;
            if (!sold.TryGetValue(r.StockCode, out var s)) sold[r.StockCode] = s = (0, []);
            s.Sales.Add((r.InvoiceDate, r.Quantity));
            if (r.InvoiceDate >= asOf.AddDays(-90)) sold[r.StockCode] = s with { Sold90 = s.Sold90 + r.Quantity };
        }

        var rows = new List<DemoStockRow>(data.Products.Count);
        foreach (var p in data.Products)
        {
            sold.TryGetValue(p.StockCode, out var s);
            var sales = s.Sales ?? [];
            // Live items were last restocked within the last ten weeks; a dead item's last delivery came just as
            // demand stopped and has not moved since (the case sell-through analysis exists to find).
            var received = p.DeadFrom is { } dead ? dead.AddDays(rng.Next(0, 21)) : asOf.AddDays(-rng.Next(14, 70)).Date;
            if (received < p.Launch) received = p.Launch.Date;
            var soldSince = sales.Where(x => x.Time >= received).Sum(x => x.Qty);
            var delivery = Math.Max(p.Pack * 4, (int)Math.Round((soldSince + s.Sold90 * 0.5) * (0.8 + rng.NextDouble() * 0.8) / p.Pack) * p.Pack);
            var onHand = Math.Max(0, delivery - soldSince);
            rows.Add(new DemoStockRow(p.StockCode, onHand, delivery, received));
        }
        return rows;
    }

    public static void Write(TextWriter writer, IEnumerable<DemoStockRow> rows)
    {
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true);
        csv.WriteHeader(Header.Split(','));
        foreach (var r in rows)
        {
            csv.WriteField(r.StockCode);
            csv.WriteField(r.OnHand.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(r.Received.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(r.ReceivedDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.EndRecord();
        }
    }

    public static void WriteFile(string path, IEnumerable<DemoStockRow> rows)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        Write(writer, rows);
    }
}
