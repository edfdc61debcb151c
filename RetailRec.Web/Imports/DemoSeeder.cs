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
public sealed class DemoSeeder(DatasetService datasets, ImportCoordinator imports, UploadStore uploads, ILogger<DemoSeeder> logger)
{
    public async Task SeedIfEmptyAsync(DemoOptions options, CancellationToken ct = default)
    {
        if (!options.SeedOnEmptyDatabase || await datasets.AnyAsync(ct)) return;
        var demo = DemoDataGenerator.Generate(new DemoDataOptions { Seed = options.Seed, TargetLines = options.Lines });
        var path = uploads.NewUploadPath("retailrec_demo.csv");
        OnlineRetailCsvWriter.WriteFile(path, demo.Records);
        var job = await imports.EnqueueAsync(path, "retailrec_demo.csv", null, $"Demo shop (seed {options.Seed})", isDemo: true);
        logger.LogInformation("Empty database: demo dataset of {Lines} lines queued as job {Job}", demo.Records.Count, job);
    }
}
