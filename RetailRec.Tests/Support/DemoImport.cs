using System.Text;
using RetailRec.Engine.DemoData;
using RetailRec.Engine.Domain;
using RetailRec.Engine.Datasets.Ingestion;

namespace RetailRec.Tests.Support;

/// <summary>Imports a small seeded demo dataset through the real importer (the path every user file takes).</summary>
public static class DemoImport
{
    public const string HostileDescription = "=HYPERLINK(\"http://evil.example\",\"click\")";

    /// <summary>Returns the dataset id and the stock code whose description was made hostile (when asked).</summary>
    public static async Task<(int DatasetId, string HostileCode)> ImportAsync(TempDatabase db, int lines = 6000, int seed = 7, bool hostile = true)
    {
        IReadOnlyList<TransactionRecord> records = DemoDataGenerator.Generate(new DemoDataOptions { TargetLines = lines, Seed = seed }).Records;
        var code = records.First(r => r.CustomerId is not null && r.Quantity > 0).StockCode;
        if (hostile) records = records.Select(r => r.StockCode == code ? r with { Description = HostileDescription } : r).ToList();
        var writer = new StringWriter();
        OnlineRetailCsvWriter.Write(writer, records);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(writer.ToString()));
        var outcome = await db.Get<TransactionImporter>().ImportAsync(stream, "demo.csv", "Demo");
        Assert.Equal(ImportStatus.Imported, outcome.Status);
        return (outcome.DatasetId!.Value, code);
    }
}
