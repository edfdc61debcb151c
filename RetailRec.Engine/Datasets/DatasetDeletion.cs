using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RetailRec.Engine.Storage;

namespace RetailRec.Engine.Datasets;

/// <summary>
/// Deleting a dataset removes everything that belongs to it: its rows, runs, artifacts and jobs in one database
/// transaction first (a failure there changes nothing), then each feature's files, cache entries and live models
/// (<see cref="IDatasetCleanup"/>), logging anything that could not be removed instead of failing half-way.
/// </summary>
public sealed class DatasetDeletion(IDbContextFactory<RetailRecDbContext> dbf, DatasetService datasets, IEnumerable<IDatasetCleanup> cleanups,
    ILogger<DatasetDeletion> logger)
{
    /// <summary>False when there is no such dataset. Throws <see cref="InvalidOperationException"/> while a job of it is queued or running.</summary>
    public async Task<bool> DeleteAsync(int id, CancellationToken ct = default)
    {
        DeletedDataset deleted;
        await using (var db = await dbf.CreateDbContextAsync(ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var ds = await db.Datasets.FirstOrDefaultAsync(d => d.Id == id, ct);
            if (ds is null) return false;
            var active = await db.Jobs.Where(j => j.DatasetId == id && (j.State == JobState.Queued || j.State == JobState.Running))
                .Select(j => j.Title).FirstOrDefaultAsync(ct);
            // A running job would write a run for a dataset that no longer exists; the user decides whether to cancel it.
            if (active is not null)
                throw new InvalidOperationException($"\"{ds.Name}\" has a job in progress ({active}). Cancel it or let it finish, then delete the dataset.");

            var runIds = await db.AnalysisRuns.Where(r => r.DatasetId == id).Select(r => r.Id).ToListAsync(ct);
            var jobIds = await db.Jobs.Where(j => j.DatasetId == id).Select(j => j.Id).ToListAsync(ct);
            await db.AnalysisArtifacts.Where(a => runIds.Contains(a.RunId)).ExecuteDeleteAsync(ct);
            await db.AnalysisRuns.Where(r => r.DatasetId == id).ExecuteDeleteAsync(ct);
            await db.Jobs.Where(j => j.DatasetId == id).ExecuteDeleteAsync(ct);
            await db.Transactions.Where(t => t.DatasetId == id).ExecuteDeleteAsync(ct);
            await db.Datasets.Where(d => d.Id == id).ExecuteDeleteAsync(ct);
            if (ds.IsActive)
            {
                var next = await db.Datasets.OrderByDescending(d => d.Id).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
                if (next is int n) await db.Datasets.Where(d => d.Id == n).ExecuteUpdateAsync(s => s.SetProperty(d => d.IsActive, true), ct);
            }
            await tx.CommitAsync(ct);
            deleted = new DeletedDataset(id, ds.Name, ds.ContentHash, runIds, jobIds);
        }

        foreach (var cleanup in cleanups)
        {
            IReadOnlyList<string> left;
            try { left = cleanup.Remove(deleted); }
            catch (Exception ex)
            {
                logger.LogError(ex, "Clean-up {Cleanup} failed for deleted dataset {Dataset}", cleanup.GetType().Name, id);
                continue;
            }
            foreach (var path in left) logger.LogWarning("Deleted dataset {Dataset}: could not remove {Path}", id, path);
        }
        logger.LogInformation("Deleted dataset {Dataset} \"{Name}\" with {Runs} runs and {Jobs} jobs", id, deleted.Name, deleted.RunIds.Count, deleted.JobIds.Count);
        datasets.NotifyChanged();
        return true;
    }
}
