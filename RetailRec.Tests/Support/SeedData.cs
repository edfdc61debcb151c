using RetailRec.Engine.Storage;
using RetailRec.Engine.Domain;
using RetailRec.Engine.Datasets.Ingestion;

namespace RetailRec.Tests.Support;

/// <summary>Writes a small hand-made dataset straight into SQLite (tests of readers that must not depend on the importer).</summary>
public static class SeedData
{
    public static async Task<int> AddDatasetAsync(TempDatabase db, string name, params TransactionEntity[] rows)
    {
        await using var ctx = await db.Factory.CreateDbContextAsync();
        var ds = new DatasetEntity { Name = name, SourceFileName = name + ".csv", ContentHash = Guid.NewGuid().ToString("N"), ImportedAtUtc = DateTime.UtcNow, IsActive = true, RowsImported = rows.Length };
        // The same summary the importer stores.
        var summary = new DatasetSummaryBuilder();
        foreach (var r in rows)
            summary.Add(new TransactionRecord(0, r.Invoice, r.StockCode, r.Description, r.Quantity, r.InvoiceDate, r.Price, r.CustomerId, r.Country) { Flags = r.Flags });
        summary.ApplyTo(ds);
        ctx.Datasets.Add(ds);
        await ctx.SaveChangesAsync();
        foreach (var r in rows) r.DatasetId = ds.Id;
        ctx.Transactions.AddRange(rows);
        await ctx.SaveChangesAsync();
        return ds.Id;
    }

    public static TransactionEntity Row(string invoice, string code, int qty, double price, string date, string? customer, string country = "United Kingdom",
        LineFlags flags = LineFlags.None, string? description = null) => new()
    {
        Invoice = invoice, StockCode = code, Description = description ?? "ITEM " + code, Quantity = qty, Price = price,
        InvoiceDate = DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture), CustomerId = customer, Country = country, Flags = flags,
    };
}
