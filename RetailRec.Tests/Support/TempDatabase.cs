using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RetailRec.Engine;
using RetailRec.Engine.Storage;

namespace RetailRec.Tests.Support;

/// <summary>A real SQLite file in a temp folder, migrated exactly as the app migrates it; deleted on dispose.</summary>
public sealed class TempDatabase : IAsyncDisposable
{
    public string Folder { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "retailrec-tests", Guid.NewGuid().ToString("N"));
    public string Path => System.IO.Path.Combine(Folder, "test.db");
    public ServiceProvider Services { get; }

    private TempDatabase(Action<IServiceCollection>? configure)
    {
        Directory.CreateDirectory(Folder);
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        // Options bound from configuration need one; the tests run on the defaults.
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddRetailRecEngine(Path);
        configure?.Invoke(services);
        Services = services.BuildServiceProvider();
    }

    public static async Task<TempDatabase> CreateAsync(Action<IServiceCollection>? configure = null)
    {
        var db = new TempDatabase(configure);
        await db.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        return db;
    }

    public IDbContextFactory<RetailRecDbContext> Factory => Services.GetRequiredService<IDbContextFactory<RetailRecDbContext>>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { /* best effort on a temp folder */ }
    }
}
