using Microsoft.EntityFrameworkCore;
using RetailRec.Engine.Storage;

namespace RetailRec.Engine.Datasets;

/// <summary>Dataset list operations shared by the Datasets page and the REST API, and the one "which dataset is active" rule.</summary>
public sealed class DatasetService
{
    private readonly IDbContextFactory<RetailRecDbContext> dbf;
    // Which ids exist and which is active, kept in memory: a recommendation request must not pay for SQLite queries
    // just to learn that. Any change (import, activate, rename, delete) drops it.
    private volatile Task<(int? Active, HashSet<int> All)>? _ids;

    public DatasetService(IDbContextFactory<RetailRecDbContext> dbf)
    {
        this.dbf = dbf;
        Changed += () => _ids = null;
    }

    /// <summary>Raised after any change so open pages (the shell's switcher, Overview) can refresh.</summary>
    public event Action? Changed;

    /// <summary>The requested dataset if it exists, else (when none was requested) the active one; null when there is none.</summary>
    public async Task<int?> ResolveIdAsync(int? requested, CancellationToken ct = default)
    {
        var (active, all) = await (_ids ??= LoadIdsAsync());
        return requested is int id ? (all.Contains(id) ? id : null) : active;
    }

    private async Task<(int? Active, HashSet<int> All)> LoadIdsAsync()
    {
        var list = await ListAsync(CancellationToken.None);
        // The rule: the dataset flagged active, else the newest.
        var active = list.FirstOrDefault(d => d.IsActive) ?? list.OrderByDescending(d => d.Id).FirstOrDefault();
        return (active?.Id, list.Select(d => d.Id).ToHashSet());
    }

    public async Task<List<DatasetEntity>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbf.CreateDbContextAsync(ct);
        return await db.Datasets.AsNoTracking().OrderByDescending(d => d.IsActive).ThenByDescending(d => d.Id).ToListAsync(ct);
    }

    public async Task<DatasetEntity?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbf.CreateDbContextAsync(ct);
        return await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
    }

    public async Task<DatasetEntity?> GetActiveAsync(CancellationToken ct = default)
    {
        var id = await ResolveIdAsync(null, ct);
        return id is int i ? await GetAsync(i, ct) : null;
    }

    public async Task<bool> SetActiveAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbf.CreateDbContextAsync(ct);
        if (!await db.Datasets.AnyAsync(d => d.Id == id, ct)) return false;
        await db.Datasets.ExecuteUpdateAsync(s => s.SetProperty(d => d.IsActive, d => d.Id == id), ct);
        Changed?.Invoke();
        return true;
    }

    public async Task MarkDemoAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbf.CreateDbContextAsync(ct);
        await db.Datasets.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.IsDemo, true), ct);
    }

    public async Task<bool> AnyAsync(CancellationToken ct = default)
    {
        await using var db = await dbf.CreateDbContextAsync(ct);
        return await db.Datasets.AnyAsync(ct);
    }

    public async Task<bool> RenameAsync(int id, string name, CancellationToken ct = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > 200) throw new ArgumentException("A dataset name needs 1 to 200 characters.");
        await using var db = await dbf.CreateDbContextAsync(ct);
        var n = await db.Datasets.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Name, name), ct);
        if (n > 0) Changed?.Invoke();
        return n > 0;
    }

    public void NotifyChanged() => Changed?.Invoke();
}
