using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RetailRec.Engine.Caching;
using RetailRec.Engine.Storage;
using RetailRec.Engine.Domain;

namespace RetailRec.Engine.Datasets.Overview;

/// <summary>
/// Overview aggregates computed in SQLite. A dataset never changes after import, so results are cached per dataset id
/// (dropped on delete, and bounded in count) and the dashboard answers at once after the first visit.
/// </summary>
public sealed class OverviewQueries(IDbContextFactory<RetailRecDbContext> dbf)
{
    private readonly BoundedCache<int, OverviewData> _cache = new(maxEntries: 32);

    // Product lines: not a non-product code, not an exact duplicate. Returns and cancellations stay in (net revenue).
    private const int Excluded = (int)(LineFlags.NonProduct | LineFlags.Duplicate | LineFlags.ImplausibleDate);
    private const int ReturnLike = (int)(LineFlags.Return | LineFlags.Cancellation);

    public void Forget(int datasetId) => _cache.Remove(datasetId);

    internal int Cached => _cache.Count;

    public async Task<OverviewData> GetAsync(int datasetId, CancellationToken ct = default)
    {
        if (_cache.TryGet(datasetId, out var cached)) return cached;
        await using var db = await dbf.CreateDbContextAsync(ct);
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync(ct);

        var kpis = await ReadKpisAsync(conn, datasetId, ct);
        var monthly = await ReadListAsync(conn, $"""
            SELECT substr(InvoiceDate, 1, 7) AS m, SUM(Quantity * Price),
                   COUNT(DISTINCT CASE WHEN (Flags & {ReturnLike}) = 0 THEN Invoice END)
            FROM transactions WHERE DatasetId = $id AND (Flags & {Excluded}) = 0
            GROUP BY m ORDER BY m
            """, datasetId, r => new MonthPoint(r.GetString(0), r.GetDouble(1), r.GetInt32(2)), ct);
        var countries = await ReadListAsync(conn, $"""
            SELECT Country, SUM(Quantity * Price) AS v FROM transactions
            WHERE DatasetId = $id AND (Flags & {Excluded}) = 0
            GROUP BY Country ORDER BY v DESC LIMIT 10
            """, datasetId, r => new NamedValue(r.GetString(0), r.GetDouble(1)), ct);
        var products = await ReadListAsync(conn, $"""
            SELECT StockCode, MAX(Description), SUM(Quantity * Price) AS v FROM transactions
            WHERE DatasetId = $id AND (Flags & {Excluded}) = 0
            GROUP BY StockCode ORDER BY v DESC LIMIT 10
            """, datasetId, r => new NamedValue(r.GetString(1), r.GetDouble(2), r.GetString(0)), ct);

        var data = new OverviewData(kpis, monthly, countries, products);
        _cache.Set(datasetId, data);
        return data;
    }

    /// <summary>
    /// Headline figures come from the dataset's import summary (DatasetSummaryBuilder defines them), so the Overview
    /// and the Datasets list always agree; only the charts aggregate the rows.
    /// </summary>
    private static async Task<OverviewKpis> ReadKpisAsync(DbConnection conn, int id, CancellationToken ct)
    {
        await using var cmd = Command(conn, """
            SELECT Revenue, Invoices, Customers, Items, FirstInvoiceAt, LastInvoiceAt, ReturnRate, RowsImported
            FROM datasets WHERE Id = $id
            """, id);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return new OverviewKpis(0, 0, 0, 0, null, null, 0, 0);
        return new OverviewKpis(r.GetDouble(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3),
            r.IsDBNull(4) ? null : ParseDate(r.GetString(4)), r.IsDBNull(5) ? null : ParseDate(r.GetString(5)), r.GetDouble(6), r.GetInt64(7));
    }

    private static DateTime ParseDate(string s) => DateTime.Parse(s, CultureInfo.InvariantCulture);

    private static async Task<List<T>> ReadListAsync<T>(DbConnection conn, string sql, int id, Func<DbDataReader, T> map, CancellationToken ct)
    {
        await using var cmd = Command(conn, sql, id);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<T>();
        while (await r.ReadAsync(ct)) list.Add(map(r));
        return list;
    }

    private static DbCommand Command(DbConnection conn, string sql, int id)
    {
        var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        var p = cmd.CreateParameter();
        p.ParameterName = "$id";
        p.Value = id;
        cmd.Parameters.Add(p);
        return cmd;
    }
}
