using RetailRec.Engine.DemoData;
using RetailRec.Engine.Ingestion;

namespace RetailRec.Tests.Support;

/// <summary>Imports a small generated demo dataset through the real importer (as the app does at first start).</summary>
public static class DemoImport
{
    public static async Task<int> ImportAsync(TempDatabase db, int lines = 20_000, int seed = 7)
    {
        var demo = DemoDataGenerator.Generate(new DemoDataOptions { Seed = seed, TargetLines = lines });
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, leaveOpen: true)) OnlineRetailCsvWriter.Write(writer, demo.Records);
        buffer.Position = 0;
        var outcome = await db.Get<TransactionImporter>().ImportAsync(buffer, "demo.csv", "demo");
        return outcome.DatasetId ?? throw new InvalidOperationException(outcome.Message);
    }
}
