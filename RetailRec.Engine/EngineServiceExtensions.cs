using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RetailRec.Engine.Datasets;
using RetailRec.Engine.DemoData;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Marketing.Runs;
using RetailRec.Engine.Neural.Training;
using RetailRec.Engine.Promotions.Runs;
using RetailRec.Engine.Recommendations.Runs;
using RetailRec.Engine.Runs;
using RetailRec.Engine.Storage;

namespace RetailRec.Engine;

public static class EngineServiceExtensions
{
    /// <summary>Storage, the job engine and every feature. The host adds the worker with <see cref="JobServiceCollectionExtensions.AddJobWorker"/>.</summary>
    public static IServiceCollection AddRetailRecEngine(this IServiceCollection services, DataPaths paths)
    {
        Directory.CreateDirectory(paths.DataDirectory);
        services.AddSingleton(paths);
        // A busy timeout lets short UI reads wait out an import's commit instead of failing with SQLITE_BUSY.
        var connection = $"Data Source={paths.DatabasePath};Default Timeout=30";
        services.AddDbContextFactory<RetailRecDbContext>(o => o.UseRetailRecSqlite(connection));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DatabaseInitializer>();
        services.AddJobs();
        services.AddRuns();
        services.AddDatasets();
        // Marketing before Recommendations: their after-import jobs are queued in this order, and training uses the segments.
        services.AddMarketing();
        services.AddRecommendations();
        services.AddNeural();
        services.AddPromotions();
        services.AddDemoData();
        return services;
    }

    /// <summary>The engine on a database file, with the data folder beside it (tests, benches, headless commands).</summary>
    public static IServiceCollection AddRetailRecEngine(this IServiceCollection services, string databasePath) =>
        services.AddRetailRecEngine(DataPaths.ForDatabase(databasePath));

    /// <summary>
    /// The one place the SQLite provider is configured (app and tests). Migrations are hand-written, so there is no
    /// model snapshot for EF to diff against; the schema check lives in MigrationSchemaTests instead.
    /// </summary>
    public static DbContextOptionsBuilder UseRetailRecSqlite(this DbContextOptionsBuilder o, string connection) =>
        o.UseSqlite(connection).ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
}
