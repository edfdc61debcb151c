using Microsoft.Data.Sqlite;

namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>
/// Connection settings for bulk loading. WAL lets readers continue during a long import and makes commits cheap;
/// synchronous=NORMAL is safe with WAL (a power cut can lose the last commit, never corrupt the file); a 128 MB page
/// cache holds a fresh dataset of about a million rows. journal_mode=WAL is persistent: it stays set on the database file.
/// </summary>
internal static class SqliteBulkSettings
{
    public static void Apply(SqliteConnection connection)
    {
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-131072; PRAGMA temp_store=MEMORY;";
        pragma.ExecuteNonQuery();
    }
}
