using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RetailRec.Engine.Data;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.MarketingRuns;

namespace RetailRec.Engine;

public static class EngineServiceExtensions
{
    /// <summary>Storage, the job engine and every job handler. The host adds the worker with <see cref="AddJobWorker"/>.</summary>
    public static IServiceCollection AddRetailRecEngine(this IServiceCollection services, string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        // A busy timeout lets short UI reads wait out an import's commit instead of failing with SQLITE_BUSY.
        var connection = $"Data Source={databasePath};Default Timeout=30";
        services.AddDbContextFactory<RetailRecDbContext>(o => o.UseRetailRecSqlite(connection));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<JobChannel>();
        services.AddSingleton<RunningJobs>();
        services.AddSingleton<JobNotifier>();
        services.AddSingleton<JobService>();
        services.AddSingleton<Analytics.OverviewQueries>();
        services.AddSingleton<DatasetService>();
        services.AddSingleton<Data.Runs.RunStore>();
        services.AddOptions<Ingestion.IngestionOptions>();
        services.AddSingleton<Ingestion.TransactionImporter>();
        services.AddSingleton<Ingestion.DatasetLoader>();
        services.AddScoped<IJobHandler, Jobs.Handlers.ImportJobHandler>();
        services.AddScoped<IJobHandler, Jobs.Handlers.SequenceTrainingJobHandler>();
        services.AddMarketingRuns(databasePath);
        services.AddScoped<IJobHandler, Jobs.Handlers.CampaignJobHandler>();
        services.AddScoped<IJobHandler, Jobs.Handlers.PromoBacktestJobHandler>();
        services.AddScoped<IJobHandler, Jobs.Handlers.UpliftJobHandler>();
        RecommendationRuns.RecommendationRunServices.AddRecommendationRuns(services, databasePath);
        return services;
    }

    public static IServiceCollection AddJobWorker(this IServiceCollection services) =>
        services.AddHostedService<JobWorker>();

    /// <summary>
    /// The one place the SQLite provider is configured (app and tests). Migrations are hand-written, so there is no
    /// model snapshot for EF to diff against; the schema check lives in MigrationSchemaTests instead.
    /// </summary>
    public static DbContextOptionsBuilder UseRetailRecSqlite(this DbContextOptionsBuilder o, string connection) =>
        o.UseSqlite(connection).ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
}
