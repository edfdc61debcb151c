using RetailRec.Engine.Data;
using RetailRec.Engine.DemoData;

namespace RetailRec.Web.Imports;

/// <summary>Demo-data settings ("RetailRec:Demo").</summary>
public sealed class DemoOptions
{
    public bool SeedOnEmptyDatabase { get; set; } = true;
    public int Lines { get; set; } = 100_000;
    public int Seed { get; set; } = 42;
}

/// <summary>
/// On the first start with an empty database, queues the import of a freshly generated demo dataset, so the dashboard
/// is alive at once. It goes through the same import job as an upload (validation report included).
/// </summary>
public sealed class DemoSeeder(DatasetService datasets, ImportCoordinator imports, UploadStore uploads, Campaigns.PromotionLogStore promotionLogs,
    ILogger<DemoSeeder> logger)
{
    public async Task SeedIfEmptyAsync(DemoOptions options, CancellationToken ct = default)
    {
        if (!options.SeedOnEmptyDatabase || await datasets.AnyAsync(ct)) return;
        var demo = DemoDataGenerator.Generate(new DemoDataOptions { Seed = options.Seed, TargetLines = options.Lines });
        // The demo shop also ran randomised promotions: their response purchases are part of its transactions, and the
        // promotion log is kept under the data folder keyed by the file's content hash (= the dataset's) for uplift.
        var promo = DemoPromotionGenerator.Generate(demo);
        var path = uploads.NewUploadPath("retailrec_demo.csv");
        OnlineRetailCsvWriter.WriteFile(path, promo.Records);
        promotionLogs.Save(Campaigns.PromotionLogStore.HashOfFile(path), Campaigns.CampaignLauncher.ToEntries(promo.Log), $"demo promotion log (seed {options.Seed})");
        var job = await imports.EnqueueAsync(path, "retailrec_demo.csv", null, $"Demo shop (seed {options.Seed})", isDemo: true);
        logger.LogInformation("Empty database: demo dataset of {Lines} lines queued as job {Job}", promo.Records.Count, job);
    }
}
