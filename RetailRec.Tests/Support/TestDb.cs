using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RetailRec.Engine;
using RetailRec.Engine.Storage;

namespace RetailRec.Tests.Support;

/// <summary>
/// A real SQLite database in a temp file with the RetailRec schema built by the app's own migrations, deleted on
/// dispose. Pooling is off so the file can be deleted.
/// </summary>
public sealed class TestDb : IDisposable
{
    public TestDb()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"retailrec-test-{Guid.NewGuid():N}.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString();
        Options = (DbContextOptions<RetailRecDbContext>)new DbContextOptionsBuilder<RetailRecDbContext>().UseRetailRecSqlite(ConnectionString).Options;
        Factory = new ContextFactory(Options);
        new DatabaseInitializer(Factory).InitializeAsync().GetAwaiter().GetResult();
    }

    public string Path { get; }
    public string ConnectionString { get; }
    public DbContextOptions<RetailRecDbContext> Options { get; }
    public IDbContextFactory<RetailRecDbContext> Factory { get; }

    public RetailRecDbContext Context() => Factory.CreateDbContext();

    /// <summary>A scalar straight from SQL, to check what is really in the tables.</summary>
    public long Scalar(string sql)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar());
    }

    public void Dispose()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            if (File.Exists(Path + suffix)) File.Delete(Path + suffix);
    }

    private sealed class ContextFactory(DbContextOptions<RetailRecDbContext> options) : IDbContextFactory<RetailRecDbContext>
    {
        public RetailRecDbContext CreateDbContext() => new(options);
    }
}
