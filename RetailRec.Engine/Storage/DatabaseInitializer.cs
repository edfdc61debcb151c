using Microsoft.EntityFrameworkCore;

namespace RetailRec.Engine.Storage;

/// <summary>Applies migrations at start-up (never EnsureCreated) and switches the file to WAL so readers never wait on the importer.</summary>
public sealed class DatabaseInitializer(IDbContextFactory<RetailRecDbContext> dbf)
{
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await using var db = await dbf.CreateDbContextAsync(ct);
        await db.Database.MigrateAsync(ct);
        // journal_mode is persistent in the file, so once is enough; it is cheap to re-assert.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}
