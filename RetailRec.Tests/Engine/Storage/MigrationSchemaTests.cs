using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Storage;

/// <summary>
/// Migrations are hand-written (EF's design package is not obtainable here), so this test does what a generated model
/// snapshot would: every table and column of the EF model must exist in the migrated database, with matching nullability.
/// </summary>
public class MigrationSchemaTests
{
    [Fact]
    public async Task Migrated_schema_matches_the_ef_model_and_uses_wal()
    {
        await using var temp = await TempDatabase.CreateAsync();
        await using var db = await temp.Factory.CreateDbContextAsync();
        await using var conn = new SqliteConnection($"Data Source={temp.Path}");
        await conn.OpenAsync();

        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var columns = await ColumnsAsync(conn, table);
            Assert.True(columns.Count > 0, $"table {table} is missing");
            foreach (var prop in entity.GetProperties())
            {
                var name = prop.GetColumnName();
                Assert.True(columns.ContainsKey(name), $"{table}.{name} is missing");
                if (!prop.IsPrimaryKey())
                    Assert.True(columns[name] == prop.IsNullable, $"{table}.{name}: nullability differs from the model");
            }
        }

        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await cmd.ExecuteScalarAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    private static async Task<Dictionary<string, bool>> ColumnsAsync(SqliteConnection conn, string table)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"PRAGMA table_info(\"{table}\");";
        await using var r = await cmd.ExecuteReaderAsync();
        var cols = new Dictionary<string, bool>();
        while (await r.ReadAsync()) cols[r.GetString(1)] = r.GetInt64(3) == 0; // notnull = 0 -> nullable
        return cols;
    }
}
