using Microsoft.EntityFrameworkCore;
using RetailRec.Engine.Analytics;

namespace RetailRec.Engine.Data;

/// <summary>Dataset list operations shared by the Datasets page and the REST API.</summary>
public sealed class DatasetService(IDbContextFactory<RetailRecDbContext> dbf, OverviewQueries overview)
{
    /// <summary>Raised after any change so open pages (the shell's switcher, Overview) can refresh.</summary>
    public event Action? Changed;

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
        await using var db = await dbf.CreateDbContextAsync(ct);
        return await db.Datasets.AsNoTracking().Where(d => d.IsActive).FirstOrDefaultAsync(ct)
               ?? await db.Datasets.AsNoTracking().OrderByDescending(d => d.Id).FirstOrDefaultAsync(ct);
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

    /// <summary>Deletes a dataset and its rows in one transaction; the next newest dataset becomes active if needed.</summary>
    public async Task<bool> DeleteAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbf.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ds = await db.Datasets.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (ds is null) return false;
        await db.Transactions.Where(t => t.DatasetId == id).ExecuteDeleteAsync(ct);
        db.Datasets.Remove(ds);
        await db.SaveChangesAsync(ct);
        if (ds.IsActive)
        {
            var next = await db.Datasets.OrderByDescending(d => d.Id).FirstOrDefaultAsync(ct);
            if (next is not null) { next.IsActive = true; await db.SaveChangesAsync(ct); }
        }
        await tx.CommitAsync(ct);
        overview.Forget(id);
        Changed?.Invoke();
        return true;
    }

    public void NotifyChanged() => Changed?.Invoke();
}
