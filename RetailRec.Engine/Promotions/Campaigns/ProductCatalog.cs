using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RetailRec.Engine.Caching;
using RetailRec.Engine.Storage;

namespace RetailRec.Engine.Promotions.Campaigns;

public sealed record CatalogItem(string StockCode, string Description, int Buyers)
{
    public string Label => $"{StockCode} · {Description}";
}

public sealed record DatasetCatalog(IReadOnlyList<CatalogItem> Items, IReadOnlyList<string> Countries)
{
    /// <summary>Autocomplete: stock codes starting with the text first, then descriptions containing it; most buyers first.</summary>
    public IReadOnlyList<CatalogItem> Search(string? text, int max = 30)
    {
        if (string.IsNullOrWhiteSpace(text)) return Items.Take(max).ToArray();
        var t = text.Trim();
        return Items.Where(i => i.StockCode.StartsWith(t, StringComparison.OrdinalIgnoreCase))
            .Concat(Items.Where(i => !i.StockCode.StartsWith(t, StringComparison.OrdinalIgnoreCase) && i.Description.Contains(t, StringComparison.OrdinalIgnoreCase)))
            .Take(max).ToArray();
    }

    public int KeywordMatches(string keyword) => Items.Count(i => i.Description.Contains(keyword.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// The products and countries of a dataset for the campaign form (one grouped SQL query, cached per dataset: a dataset's
/// rows never change after import; a bounded number of datasets).
/// </summary>
public sealed class ProductCatalog(IDbContextFactory<RetailRecDbContext> dbf)
{
    // Keyed by id and content hash: SQLite may hand a deleted dataset's id to the next import.
    private readonly BoundedCache<(int Id, string Hash), Task<DatasetCatalog>> _cache = new(maxEntries: 8);

    public Task<DatasetCatalog> GetAsync(DatasetEntity dataset) =>
        _cache.GetOrAdd((dataset.Id, dataset.ContentHash), key => Task.Run(() => Load(key.Id)));

    public void Forget(int datasetId) => _cache.RemoveWhere(k => k.Id == datasetId);

    internal int Cached => _cache.Count;

    private DatasetCatalog Load(int datasetId)
    {
        using var db = dbf.CreateDbContext();
        db.Database.OpenConnection();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var items = new List<CatalogItem>();
        using (var command = connection.CreateCommand())
        {
            // Sales with a customer only (what the campaign model can use); the description of the latest line wins.
            command.CommandText = "SELECT StockCode, MAX(Description), COUNT(DISTINCT CustomerId) AS buyers FROM transactions " +
                                  "WHERE DatasetId = $id AND Quantity > 0 AND CustomerId IS NOT NULL AND Flags = 0 GROUP BY StockCode ORDER BY buyers DESC, StockCode";
            command.Parameters.AddWithValue("$id", datasetId);
            using var reader = command.ExecuteReader();
            while (reader.Read()) items.Add(new CatalogItem(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        }
        var countries = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT Country, COUNT(DISTINCT CustomerId) AS n FROM transactions WHERE DatasetId = $id AND CustomerId IS NOT NULL " +
                                  "GROUP BY Country ORDER BY n DESC, Country";
            command.Parameters.AddWithValue("$id", datasetId);
            using var reader = command.ExecuteReader();
            while (reader.Read()) countries.Add(reader.GetString(0));
        }
        return new DatasetCatalog(items, countries);
    }
}
