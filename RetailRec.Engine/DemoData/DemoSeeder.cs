using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailRec.Engine.Datasets;
using RetailRec.Engine.Datasets.Uploads;
using RetailRec.Engine.Promotions.Runs;
using RetailRec.Engine.Promotions.Uplift;
using RetailRec.Engine.Storage;

namespace RetailRec.Engine.DemoData;

/// <summary>Demo-data settings ("RetailRec:Demo").</summary>
public sealed class DemoOptions
{
    public const string Section = "RetailRec:Demo";

    public bool SeedOnEmptyDatabase { get; set; } = true;
    public int Lines { get; set; } = 100_000;
    public int Seed { get; set; } = 42;
}

/// <summary>
/// On the first start with an empty database, queues the import of a freshly generated demo dataset, so the dashboard
/// is alive at once. It goes through the same import job as an upload (validation report included).
/// </summary>
public sealed class DemoSeeder(DatasetService datasets, DatasetUploads uploads, PromotionLogStore promotionLogs, IOptions<DemoOptions> options,
    ILogger<DemoSeeder> logger)
{
    public async Task SeedIfEmptyAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        if (!o.SeedOnEmptyDatabase || await datasets.AnyAsync(ct)) return;
        var demo = DemoDataGenerator.Generate(new DemoDataOptions { Seed = o.Seed, TargetLines = o.Lines });
        // The demo shop also ran randomised promotions: their response purchases are part of its transactions, and the
        // promotion log is kept under the data folder keyed by the file's content hash (= the dataset's) for uplift.
        var promo = DemoPromotionGenerator.Generate(demo);
        var path = uploads.NewUploadPath("retailrec_demo.csv");
        OnlineRetailCsvWriter.WriteFile(path, promo.Records);
        promotionLogs.Save(PromotionLogStore.HashOfFile(path), ToEntries(promo.Log), $"demo promotion log (seed {o.Seed})");
        var job = await uploads.QueueAsync(path, "retailrec_demo.csv", null, $"Demo shop (seed {o.Seed})", isDemo: true, ct);
        logger.LogInformation("Empty database: demo dataset of {Lines} lines queued as job {Job}", promo.Records.Count, job);
    }

    /// <summary>
    /// For a demo dataset without a stored log (seeded before logs were kept): regenerate the demo with the app's demo
    /// settings and keep its promotion log only if the generated file is byte-identical to the imported one (same
    /// content hash), i.e. the log really belongs to this data.
    /// </summary>
    public async Task<bool> RecoverPromotionLogAsync(DatasetEntity dataset, CancellationToken ct = default)
    {
        if (promotionLogs.Find(dataset) is not null) return true;
        if (!dataset.IsDemo) return false;
        var o = options.Value;
        return await Task.Run(() =>
        {
            var data = DemoDataGenerator.Generate(new DemoDataOptions { Seed = o.Seed, TargetLines = o.Lines });
            var promo = DemoPromotionGenerator.Generate(data);
            var tmp = Path.Combine(Path.GetTempPath(), $"retailrec-demo-check-{Guid.NewGuid():N}.csv");
            try
            {
                OnlineRetailCsvWriter.WriteFile(tmp, promo.Records);
                if (PromotionLogStore.HashOfFile(tmp) != dataset.ContentHash) return false;
                promotionLogs.Save(dataset.ContentHash, ToEntries(promo.Log), $"demo promotion log (seed {o.Seed})");
                return true;
            }
            finally { File.Delete(tmp); }
        }, ct);
    }

    public static IEnumerable<PromotionLogEntry> ToEntries(IEnumerable<DemoPromotionEntry> log) =>
        log.Select(e => new PromotionLogEntry(e.CustomerId, e.PromotionId, e.StockCode, e.Treated, e.SentDate));
}

public static class DemoDataServices
{
    public static IServiceCollection AddDemoData(this IServiceCollection services)
    {
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddSingleton<DemoSeeder>();
        return services;
    }
}
