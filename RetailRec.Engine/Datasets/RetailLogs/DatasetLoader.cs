using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RetailRec.Engine.Storage;
using RetailRec.Engine.Datasets.Ingestion;
using RetailRec.Engine.Domain;

namespace RetailRec.Engine.Datasets.RetailLogs;

/// <summary>
/// Reads a stored dataset back as <see cref="TransactionRecord"/>s (flags included, file order) with one raw
/// SqliteCommand, sharing repeated strings (countries, codes, descriptions, customers) to keep memory low.
/// The most recently built <see cref="RetailLog"/> is kept: every job (campaign, backtest, uplift, training) and the
/// live recommender start by loading their dataset (1.4 s on the real file, `import` bench). A stored dataset
/// never changes, so the cache key (id, content hash, import time) only misses for another dataset or a re-import
/// under a reused id. One entry bounds the memory to one dataset.
/// </summary>
public sealed class DatasetLoader(IDbContextFactory<RetailRecDbContext> dbFactory)
{
    private readonly SemaphoreSlim _buildGate = new(1, 1);
    private (int Id, string Hash, DateTime ImportedAtUtc, RetailLog Log)? _latest;

    public Task<IReadOnlyList<TransactionRecord>> LoadRecordsAsync(int datasetId, CancellationToken cancellationToken = default) =>
        Task.Run(() => LoadRecords(datasetId, cancellationToken), cancellationToken);

    /// <summary>The cleaned, indexed log the analytics use (see <see cref="RetailLogBuilder"/>).
    /// Shared and cached: callers must treat it as read-only (every model and analysis does).</summary>
    public async Task<RetailLog> LoadRetailLogAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        var key = await KeyOfAsync(datasetId, cancellationToken);
        // One build at a time, so a job and the live recommender asking together share a single load.
        await _buildGate.WaitAsync(cancellationToken);
        try
        {
            if (_latest is { } hit && hit.Id == datasetId && hit.Hash == key.Hash && hit.ImportedAtUtc == key.ImportedAtUtc) return hit.Log;
            _latest = null; // let the previous dataset's log be collected while the next one is built
            var records = await LoadRecordsAsync(datasetId, cancellationToken);
            var log = await Task.Run(() => RetailLogBuilder.Build(records), cancellationToken);
            _latest = (datasetId, key.Hash, key.ImportedAtUtc, log);
            return log;
        }
        finally { _buildGate.Release(); }
    }

    /// <summary>Drops the cached log if it is this dataset's (it was deleted).</summary>
    public void Forget(int datasetId)
    {
        if (_latest is { } hit && hit.Id == datasetId) _latest = null;
    }

    /// <summary>The dataset whose log is cached, if any (tests check that a deleted dataset leaves nothing).</summary>
    internal int? CachedDatasetId => _latest?.Id;

    private async Task<(string Hash, DateTime ImportedAtUtc)> KeyOfAsync(int datasetId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Datasets.Where(d => d.Id == datasetId).Select(d => new { d.ContentHash, d.ImportedAtUtc }).FirstOrDefaultAsync(ct)
                  ?? throw new KeyNotFoundException($"Dataset {datasetId} does not exist.");
        return (row.ContentHash, row.ImportedAtUtc);
    }

    /// <summary>Synchronous load; throws <see cref="KeyNotFoundException"/> for an unknown dataset id.</summary>
    public IReadOnlyList<TransactionRecord> LoadRecords(int datasetId, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.CreateDbContext();
        var expected = db.Datasets.Where(d => d.Id == datasetId).Select(d => (long?)d.RowsImported).FirstOrDefault()
                       ?? throw new KeyNotFoundException($"Dataset {datasetId} does not exist.");
        db.Database.OpenConnection();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT LineNumber, Invoice, StockCode, Description, Quantity, InvoiceDate, Price, CustomerId, Country, Flags " +
            "FROM transactions WHERE DatasetId = $id ORDER BY Id";
        command.Parameters.AddWithValue("$id", datasetId);

        var records = new List<TransactionRecord>((int)Math.Min(expected, 50_000_000));
        var pool = new StringPool();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if ((records.Count & 8191) == 0) cancellationToken.ThrowIfCancellationRequested();
            records.Add(new TransactionRecord(
                reader.GetInt64(0),
                pool.Get(reader.GetString(1)),
                pool.Get(reader.GetString(2)),
                pool.Get(reader.GetString(3)),
                reader.GetInt32(4),
                ParseStoredDate(reader.GetString(5)),
                reader.GetDouble(6),
                reader.IsDBNull(7) ? null : pool.Get(reader.GetString(7)),
                pool.Get(reader.GetString(8)))
            {
                Flags = (LineFlags)reader.GetInt32(9),
            });
        }
        return records;
    }

    /// <summary>Stored dates are EF's "yyyy-MM-dd HH:mm:ss[.fffffff]" text; whole seconds take the allocation-free path.</summary>
    private static DateTime ParseStoredDate(string text) =>
        InvoiceDateParser.TryParseIsoFast(text, out var value)
            ? value
            : DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None);

    private sealed class StringPool
    {
        private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

        public string Get(string s)
        {
            if (_strings.TryGetValue(s, out var pooled)) return pooled;
            if (_strings.Count < 2_000_000) _strings[s] = s;
            return s;
        }
    }
}
