using RetailRec.Engine.Data;

namespace RetailRec.Web.Api;

/// <summary>
/// The dataset ids the API may answer for, kept in memory: a recommendation request must not pay for two SQLite
/// queries just to learn which dataset is active. Any dataset change (import, activate, delete) drops the cache.
/// </summary>
public sealed class ActiveDatasetCache
{
    private readonly DatasetService _datasets;
    private volatile Task<(int? Active, HashSet<int> All)>? _state;

    public ActiveDatasetCache(DatasetService datasets)
    {
        _datasets = datasets;
        datasets.Changed += () => _state = null;
    }

    /// <summary>The requested dataset if it exists, else (when none was requested) the active one; null when there is none.</summary>
    public async Task<int?> ResolveAsync(int? requested, CancellationToken ct = default)
    {
        var (active, all) = await (_state ??= LoadAsync());
        return requested is int id ? (all.Contains(id) ? id : null) : active;
    }

    private async Task<(int? Active, HashSet<int> All)> LoadAsync()
    {
        var list = await _datasets.ListAsync(CancellationToken.None);
        // Same rule as DatasetService.GetActiveAsync: the flagged one, else the newest.
        var active = list.FirstOrDefault(d => d.IsActive)?.Id ?? list.OrderByDescending(d => d.Id).FirstOrDefault()?.Id;
        return (active, list.Select(d => d.Id).ToHashSet());
    }
}
