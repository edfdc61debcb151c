using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace RetailRec.Engine.Data.Runs;

/// <summary>
/// Saves and reads analysis runs. Artifacts are immutable once written, so deserialised copies are cached per
/// (run, name): pages and the API answer from memory after the first read.
/// </summary>
public sealed class RunStore(IDbContextFactory<RetailRecDbContext> dbf, TimeProvider time)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly ConcurrentDictionary<(int Run, string Name, Type Type), object?> _cache = new();

    /// <summary>Raised after a run is saved or deleted, with the dataset id, so open pages can refresh.</summary>
    public event Action<int>? Changed;

    /// <summary>Writes a run and all its artifacts in one transaction: readers never see a half-saved run.</summary>
    public async Task<int> SaveRunAsync(int datasetId, string kind, string label, object parameters, object summary,
        IReadOnlyDictionary<string, object> artifacts, int? jobId = null, CancellationToken ct = default)
    {
        await using var db = await dbf.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var run = new AnalysisRunEntity
        {
            DatasetId = datasetId, Kind = kind, Label = label, JobId = jobId, CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            ParametersJson = JsonSerializer.Serialize(parameters, Json), SummaryJson = JsonSerializer.Serialize(summary, Json),
        };
        db.AnalysisRuns.Add(run);
        await db.SaveChangesAsync(ct);
        foreach (var (name, content) in artifacts)
            db.AnalysisArtifacts.Add(new AnalysisArtifactEntity { RunId = run.Id, Name = name, ContentJson = JsonSerializer.Serialize(content, content.GetType(), Json) });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        Changed?.Invoke(datasetId);
        return run.Id;
    }

    public async Task<AnalysisRunEntity?> LatestAsync(int datasetId, string kind, CancellationToken ct = default)
    {
        await using var db = await dbf.CreateDbContextAsync(ct);
        return await db.AnalysisRuns.AsNoTracking().Where(r => r.DatasetId == datasetId && r.Kind == kind)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
    }

    public async Task<List<AnalysisRunEntity>> ListAsync(int datasetId, string kind, CancellationToken ct = default)
    {
        await using var db = await dbf.CreateDbContextAsync(ct);
        return await db.AnalysisRuns.AsNoTracking().Where(r => r.DatasetId == datasetId && r.Kind == kind)
            .OrderByDescending(r => r.Id).ToListAsync(ct);
    }

    public async Task<AnalysisRunEntity?> GetAsync(int runId, CancellationToken ct = default)
    {
        await using var db = await dbf.CreateDbContextAsync(ct);
        return await db.AnalysisRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
    }

    public async Task<T?> ArtifactAsync<T>(int runId, string name, CancellationToken ct = default)
    {
        var key = (runId, name, typeof(T));
        if (_cache.TryGetValue(key, out var hit)) return (T?)hit;
        await using var db = await dbf.CreateDbContextAsync(ct);
        var json = await db.AnalysisArtifacts.AsNoTracking().Where(a => a.RunId == runId && a.Name == name)
            .Select(a => a.ContentJson).FirstOrDefaultAsync(ct);
        var value = json is null ? default : JsonSerializer.Deserialize<T>(json, Json);
        _cache[key] = value;
        return value;
    }

    public async Task<bool> DeleteAsync(int runId, CancellationToken ct = default)
    {
        await using var db = await dbf.CreateDbContextAsync(ct);
        var run = await db.AnalysisRuns.FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null) return false;
        db.AnalysisRuns.Remove(run); // artifacts cascade
        await db.SaveChangesAsync(ct);
        foreach (var key in _cache.Keys.Where(k => k.Run == runId)) _cache.TryRemove(key, out _);
        Changed?.Invoke(run.DatasetId);
        return true;
    }
}
