using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RetailRec.Engine.Caching;
using RetailRec.Engine.Storage;

namespace RetailRec.Engine.Runs;

/// <summary>
/// Saves and reads analysis runs. Artifacts are immutable once written, so deserialised copies are cached per
/// (run, name): pages and the API answer from memory after the first read. The cache holds a bounded number of
/// artifacts, so a long-running server does not keep every run it ever showed.
/// </summary>
public sealed class RunStore(IDbContextFactory<RetailRecDbContext> dbf, TimeProvider time)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly BoundedCache<(int Run, string Name, Type Type), object> _cache = new(maxEntries: 256);

    /// <summary>Raised after a run is saved or deleted, with the dataset id, so open pages can refresh.</summary>
    public event Action<int>? Changed;

    /// <summary>Writes a run and all its artifacts in one transaction: readers never see a half-saved run.</summary>
    public async Task<int> SaveRunAsync(int datasetId, RunKind kind, string label, object parameters, object summary,
        RunArtifacts artifacts, int? jobId = null, CancellationToken ct = default)
    {
        await using var db = await dbf.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var run = new AnalysisRunEntity
        {
            DatasetId = datasetId, Kind = kind.Name, Label = label, JobId = jobId, CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            ParametersJson = JsonSerializer.Serialize(parameters, Json), SummaryJson = JsonSerializer.Serialize(summary, Json),
        };
        db.AnalysisRuns.Add(run);
        await db.SaveChangesAsync(ct);
        foreach (var (name, content) in artifacts.Items)
            db.AnalysisArtifacts.Add(new AnalysisArtifactEntity { RunId = run.Id, Name = name, ContentJson = JsonSerializer.Serialize(content, content.GetType(), Json) });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        Changed?.Invoke(datasetId);
        return run.Id;
    }

    public async Task<AnalysisRunEntity?> LatestAsync(int datasetId, RunKind kind, CancellationToken ct = default)
    {
        await using var db = await dbf.CreateDbContextAsync(ct);
        return await db.AnalysisRuns.AsNoTracking().Where(r => r.DatasetId == datasetId && r.Kind == kind.Name)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
    }

    public async Task<List<AnalysisRunEntity>> ListAsync(int datasetId, RunKind kind, CancellationToken ct = default)
    {
        await using var db = await dbf.CreateDbContextAsync(ct);
        return await db.AnalysisRuns.AsNoTracking().Where(r => r.DatasetId == datasetId && r.Kind == kind.Name)
            .OrderByDescending(r => r.Id).ToListAsync(ct);
    }

    public async Task<AnalysisRunEntity?> GetAsync(int runId, CancellationToken ct = default)
    {
        await using var db = await dbf.CreateDbContextAsync(ct);
        return await db.AnalysisRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
    }

    public async Task<T?> ArtifactAsync<T>(int runId, ArtifactKey<T> artifact, CancellationToken ct = default) where T : class
    {
        var name = artifact.Name;
        var key = (runId, name, typeof(T));
        if (_cache.TryGet(key, out var hit)) return (T)hit;
        await using var db = await dbf.CreateDbContextAsync(ct);
        var json = await db.AnalysisArtifacts.AsNoTracking().Where(a => a.RunId == runId && a.Name == name)
            .Select(a => a.ContentJson).FirstOrDefaultAsync(ct);
        var value = json is null ? default : JsonSerializer.Deserialize<T>(json, Json);
        if (value is not null) _cache.Set(key, value);
        return value;
    }

    public async Task<bool> DeleteAsync(int runId, CancellationToken ct = default)
    {
        await using var db = await dbf.CreateDbContextAsync(ct);
        var run = await db.AnalysisRuns.FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null) return false;
        db.AnalysisRuns.Remove(run); // artifacts cascade
        await db.SaveChangesAsync(ct);
        Forget([runId]);
        Changed?.Invoke(run.DatasetId);
        return true;
    }

    /// <summary>Drops cached artifacts of these runs (their rows are gone: a deleted run or dataset).</summary>
    public void Forget(IReadOnlyCollection<int> runIds) => _cache.RemoveWhere(k => runIds.Contains(k.Run));

    /// <summary>Cached artifacts (tests check that a deleted dataset leaves none).</summary>
    internal int CachedArtifacts => _cache.Count;
}
