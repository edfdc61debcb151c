using System.Text;
using RetailRec.Engine.DemoData;
using RetailRec.Engine.Datasets.Ingestion;
using RetailRec.Engine.Jobs;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Recommendations.Runs;

/// <summary>A small seeded demo dataset imported through the real importer, and a way to run a job handler inline.</summary>
public static class RecsTestData
{
    public static async Task<int> ImportDemoAsync(TempDatabase db, int lines = 5000, int seed = 11)
    {
        var records = DemoDataGenerator.Generate(new DemoDataOptions { TargetLines = lines, Seed = seed }).Records;
        var writer = new StringWriter();
        OnlineRetailCsvWriter.Write(writer, records);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(writer.ToString()));
        var outcome = await db.Get<TransactionImporter>().ImportAsync(stream, "demo.csv", "Demo");
        Assert.Equal(ImportStatus.Imported, outcome.Status);
        return outcome.DatasetId!.Value;
    }

    /// <summary>Runs a handler the way the worker does, collecting progress steps and log lines.</summary>
    public static async Task<(string? Result, List<(double Percent, string Step)> Steps, List<string> Log)> RunAsync(
        IJobHandler handler, object parameters, int? datasetId)
    {
        var steps = new List<(double, string)>();
        var log = new List<string>();
        var context = new JobContext(1, datasetId, System.Text.Json.JsonSerializer.Serialize(parameters, JobJson.Options),
            (p, s) => { lock (steps) steps.Add((p, s)); }, l => { lock (log) log.Add(l); });
        var result = await handler.RunAsync(context, CancellationToken.None);
        return (result, steps, log);
    }
}
