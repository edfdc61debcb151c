using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RetailRec.Engine.DemoData;
using RetailRec.Engine.Domain;
using RetailRec.Engine.Datasets.Ingestion;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Promotions.Uplift;

namespace RetailRec.Tests.Engine.Promotions.Runs;

/// <summary>
/// A small demo shop with its randomised promotions, imported through the real importer into a real SQLite database,
/// and its promotion log written as a file in the docs/PROMOTIONS.md format (the path the app takes).
/// </summary>
public static class PromoDemo
{
    // Since issue 13 a customer id must be a whole number (a formula id is reported, not imported), so the hostile
    // text now rides in the busiest customer's country, a free-text field the campaign export writes.
    public const string HostileCountry = "=HYPERLINK(\"http://evil.example\",\"x\")";

    public sealed record Imported(int DatasetId, DemoPromotionData Promo, string LogPath, string TopCode, IReadOnlyList<PromotionLogEntry> Log);

    /// <param name="hostile">Set the busiest customer's country to a spreadsheet formula (exports must neutralise it).</param>
    public static async Task<Imported> ImportAsync(IServiceProvider services, string folder, int lines = 12_000, int seed = 5, bool hostile = false)
    {
        var promo = DemoPromotionGenerator.Generate(DemoDataGenerator.Generate(new DemoDataOptions { TargetLines = lines, Seed = seed }));
        IReadOnlyList<TransactionRecord> records = promo.Records;
        var log = promo.Log.Select(e => new PromotionLogEntry(e.CustomerId, e.PromotionId, e.StockCode, e.Treated, e.SentDate)).ToList();
        if (hostile)
        {
            var victim = records.Where(r => r.CustomerId is not null).GroupBy(r => r.CustomerId!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
            records = records.Select(r => r.CustomerId == victim ? r with { Country = HostileCountry } : r).ToList();
        }
        var writer = new StringWriter();
        OnlineRetailCsvWriter.Write(writer, records);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(writer.ToString()));
        var outcome = await services.GetRequiredService<TransactionImporter>().ImportAsync(stream, "promo_demo.csv", "Promo demo");
        Assert.Contains(outcome.Status, new[] { ImportStatus.Imported, ImportStatus.AlreadyImported }); // a second test of a class shares the app

        Directory.CreateDirectory(folder);
        var logPath = Path.Combine(folder, $"promotions-{Guid.NewGuid():N}.csv");
        using (var file = new StreamWriter(logPath)) PromotionLogCsv.Write(file, log);
        var top = records.Where(r => r.CustomerId is not null && r.Quantity > 0).GroupBy(r => r.StockCode)
            .OrderByDescending(g => g.Select(r => r.CustomerId).Distinct().Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        return new Imported(outcome.DatasetId!.Value, promo, logPath, top, log);
    }

    /// <summary>A job context that records what the handler reports, as the worker would pass it.</summary>
    public sealed class Recorder
    {
        public List<(double Percent, string Step)> Reports { get; } = [];
        public List<string> Lines { get; } = [];

        public JobContext Context(object parameters, int? datasetId = null) =>
            new(1, datasetId, JsonSerializer.Serialize(parameters, JobJson.Options), (p, s) => Reports.Add((p, s)), Lines.Add);
    }
}
