using System.Collections.Concurrent;
using RetailRec.Engine.Runs;
using RetailRec.Engine.Storage;
using RetailRec.Engine.Recommendations.Serving;

namespace RetailRec.Engine.Recommendations.Runs;

/// <summary>
/// Answers "what should customer X see?" for the UI and the API. Two paths: the precomputed lists of the newest
/// "recommendations" run (a lookup; the default when it covers the request) and the live engine of
/// <see cref="LiveModels"/> (scores the whole catalogue; used for longer lists, or when asked for). While neither exists
/// the answer says so (<see cref="ServingSource.None"/>) and the live engine starts fitting in the background.
/// </summary>
public sealed class RecommendationService
{
    public const int MaxCount = 100;

    private readonly LiveModels _live;
    private readonly RunStore _runs;
    // Newest lists run per dataset; dropped whenever that dataset's runs change.
    private readonly ConcurrentDictionary<int, Task<AnalysisRunEntity?>> _latest = new();

    public RecommendationService(LiveModels live, RunStore runs)
    {
        _live = live;
        _runs = runs;
        runs.Changed += datasetId => _latest.TryRemove(datasetId, out _);
    }

    public LiveModels Live => _live;

    /// <summary>Drops what is held for a deleted dataset: the newest-lists pointer and the live engine.</summary>
    public void Forget(int datasetId)
    {
        _latest.TryRemove(datasetId, out _);
        _live.Forget(datasetId);
    }

    public Task<AnalysisRunEntity?> LatestListsRunAsync(int datasetId, CancellationToken ct = default) =>
        _latest.GetOrAdd(datasetId, id => _runs.LatestAsync(id, RecommendationJobs.ListsRun, CancellationToken.None));

    public async Task<PrecomputedLists?> PrecomputedAsync(int datasetId, ServingMethod method, CancellationToken ct = default)
    {
        var run = await LatestListsRunAsync(datasetId, ct);
        return run is null ? null : await _runs.ArtifactAsync(run.Id, RecommendationJobs.Artifacts.Lists(method), ct);
    }

    /// <summary>Whether the dataset knows this customer (from the precomputed lists or the live engine); null when neither exists.</summary>
    public async Task<bool?> IsKnownAsync(int datasetId, string customerId, CancellationToken ct = default)
    {
        if (_live.TryGet(datasetId) is { } model) return model.CustomerIndex(customerId) is not null;
        if (await PrecomputedAsync(datasetId, ServingMethod.Popular, ct) is { } lists) return lists.RowOf(customerId) is not null;
        return null;
    }

    /// <summary>Every customer id of the dataset the serving side knows (for search boxes); empty while nothing is trained.</summary>
    public async Task<IReadOnlyList<string>> CustomerIdsAsync(int datasetId, CancellationToken ct = default) =>
        _live.TryGet(datasetId)?.Log.CustomerIds ?? (await PrecomputedAsync(datasetId, ServingMethod.Popular, ct))?.CustomerIds ?? [];

    /// <summary>A few customers worth looking at: the most frequent buyers when the live engine is ready.</summary>
    public async Task<IReadOnlyList<string>> ExampleCustomersAsync(int datasetId, int count = 5, CancellationToken ct = default)
    {
        if (_live.TryGet(datasetId) is { } model)
        {
            var baskets = new int[model.Log.CustomerCount];
            foreach (var b in model.Log.Baskets) baskets[b.Customer]++;
            return Enumerable.Range(0, baskets.Length).OrderByDescending(c => baskets[c]).ThenBy(c => c).Take(count)
                .Select(c => model.Log.CustomerIds[c]).ToList();
        }
        return (await CustomerIdsAsync(datasetId, ct)).Take(count).ToList();
    }

    public async Task<RecommendationAnswer> RecommendAsync(int datasetId, string customerId, ServingMethod method, int count,
        ServingPath path = ServingPath.Auto, CancellationToken ct = default)
    {
        // The seven-slot list has seven items by construction.
        var n = Math.Clamp(count, 1, method == ServingMethod.SevenSlots ? 7 : MaxCount);
        if (path == ServingPath.Live)
            return FromLive(await _live.GetAsync(datasetId).WaitAsync(ct), customerId, method, n);

        var lists = await PrecomputedAsync(datasetId, method, ct);
        var runId = lists is null ? null : (await LatestListsRunAsync(datasetId, ct))?.Id;
        if (lists is not null && (path == ServingPath.Precomputed || n <= lists.Count))
            return FromLists(lists, customerId, method, n, runId);
        if (path == ServingPath.Auto && _live.TryGet(datasetId) is { } model)
            return FromLive(model, customerId, method, n);

        // Nothing covers the request right now: start the live engine so the next request can be answered.
        if (path == ServingPath.Auto) _live.Warm(datasetId);
        if (lists is not null)
            return FromLists(lists, customerId, method, n, runId) with
            {
                Note = $"Only {lists.Count} items per customer are precomputed; the live engine is warming up for longer lists.",
            };
        return new RecommendationAnswer(customerId, method, false, ServingSource.None, [],
            path == ServingPath.Precomputed
                ? "No precomputed recommendations exist for this dataset yet: run the recommendation training."
                : "No recommendation model exists for this dataset yet. It is being trained now; ask again in a few seconds.");
    }

    private static RecommendationAnswer FromLists(PrecomputedLists lists, string customerId, ServingMethod method, int n, int? runId) =>
        lists.RowOf(customerId) is int row
            ? new RecommendationAnswer(customerId, method, false, ServingSource.Precomputed, lists.ForRow(row, n), null, runId)
            : new RecommendationAnswer(customerId, method, true, ServingSource.Precomputed, lists.ColdList(n), ColdNote(customerId), runId);

    private static RecommendationAnswer FromLive(LiveModel model, string customerId, ServingMethod method, int n)
    {
        var engine = model.Engine;
        if (model.CustomerIndex(customerId) is not int c)
            return new RecommendationAnswer(customerId, method, true, ServingSource.Live,
                engine.Recommend(-1, RecommendationMethod.Popular, new RecommendOptions(method == ServingMethod.SevenSlots ? Math.Min(n, 7) : n)),
                ColdNote(customerId));
        var items = method.ToEngine() is { } m
            ? engine.Recommend(c, m, new RecommendOptions(n))
            : engine.SevenSlots(c).All.Take(n).ToList();
        return new RecommendationAnswer(customerId, method, false, ServingSource.Live, items);
    }

    public static string ColdNote(string customerId) =>
        $"Customer {customerId} has no purchase history in this dataset (cold start): these are the most popular items.";
}
