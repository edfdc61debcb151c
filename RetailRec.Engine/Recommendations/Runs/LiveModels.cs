using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Recommendations.Serving;

namespace RetailRec.Engine.Recommendations.Runs;

/// <summary>A fitted engine for one dataset, with the log it was fitted on (Customer 360 reads the history from it).</summary>
public sealed record LiveModel(int DatasetId, RetailLog Log, RecommendationEngine Engine, int? MarketingRunId, DateTime FittedAtUtc, double FitSeconds)
{
    public int? CustomerIndex(string customerId) => Log.CustomerIndexOf(customerId);
}

public enum LiveState { Missing, Fitting, Ready, Failed }

/// <summary>
/// The in-memory engines of the live path, one per dataset (the shape of Microsoft.Extensions.ML's model pool: a model
/// is fitted off the request thread and swapped in atomically). A missing engine is fitted lazily on a background
/// thread; callers that cannot wait use the precomputed lists meanwhile. A failed fit is forgotten so the next request
/// retries. Each engine holds its dataset's whole log, so only the most recently used few are kept
/// (<see cref="RecommendationRunOptions.MaxLiveModels"/>); an evicted one is fitted again when asked for.
/// </summary>
public sealed class LiveModels(DatasetLoader loader, ICustomerSegmentSource segments, TimeProvider time, IOptions<RecommendationRunOptions> options,
    ILogger<LiveModels> logger)
{
    private readonly ConcurrentDictionary<int, Lazy<Task<LiveModel>>> _models = new();
    private readonly ConcurrentDictionary<int, long> _lastUsed = new();
    private readonly ConcurrentDictionary<int, string> _failures = new();
    private long _clock;

    /// <summary>Raised when a dataset's live engine becomes ready (pages waiting on it refresh).</summary>
    public event Action<int>? Ready;

    public LiveState State(int datasetId) =>
        !_models.TryGetValue(datasetId, out var lazy) ? (_failures.ContainsKey(datasetId) ? LiveState.Failed : LiveState.Missing)
        : !lazy.IsValueCreated || !lazy.Value.IsCompleted ? LiveState.Fitting
        : lazy.Value.IsCompletedSuccessfully ? LiveState.Ready : LiveState.Failed;

    public string? Failure(int datasetId) => _failures.GetValueOrDefault(datasetId);

    /// <summary>The engine if it is ready now; never waits.</summary>
    public LiveModel? TryGet(int datasetId)
    {
        if (!_models.TryGetValue(datasetId, out var lazy) || !lazy.IsValueCreated || !lazy.Value.IsCompletedSuccessfully) return null;
        Touch(datasetId);
        return lazy.Value.Result;
    }

    /// <summary>The engine, fitting it in the background first if needed.</summary>
    public Task<LiveModel> GetAsync(int datasetId)
    {
        var task = _models.GetOrAdd(datasetId, id => new Lazy<Task<LiveModel>>(() => FitInBackground(id))).Value;
        Touch(datasetId);
        EvictBeyondLimit();
        return task;
    }

    /// <summary>Starts the background fit if there is no engine yet; returns at once.</summary>
    public void Warm(int datasetId) => _ = GetAsync(datasetId);

    /// <summary>Swaps in an engine fitted elsewhere (the training job), replacing any older one.</summary>
    public void Publish(LiveModel model)
    {
        _models[model.DatasetId] = new Lazy<Task<LiveModel>>(Task.FromResult(model));
        _failures.TryRemove(model.DatasetId, out _);
        Touch(model.DatasetId);
        EvictBeyondLimit();
        Ready?.Invoke(model.DatasetId);
    }

    /// <summary>Drops a dataset's engine (e.g. the dataset was deleted).</summary>
    public void Forget(int datasetId)
    {
        _models.TryRemove(datasetId, out _);
        _lastUsed.TryRemove(datasetId, out _);
        _failures.TryRemove(datasetId, out _);
    }

    /// <summary>Datasets with an engine or a fit in flight (tests check that a deleted dataset leaves none).</summary>
    internal IReadOnlyCollection<int> Held => [.. _models.Keys, .. _failures.Keys];

    private void Touch(int datasetId) => _lastUsed[datasetId] = Interlocked.Increment(ref _clock);

    private void EvictBeyondLimit()
    {
        var max = Math.Max(1, options.Value.MaxLiveModels);
        while (_models.Count > max)
        {
            var oldest = _lastUsed.Where(kv => _models.ContainsKey(kv.Key)).OrderBy(kv => kv.Value).Select(kv => (int?)kv.Key).FirstOrDefault();
            if (oldest is not int id) return;
            _models.TryRemove(id, out _);
            _lastUsed.TryRemove(id, out _);
            logger.LogInformation("Live recommendation engine for dataset {Dataset} released (more than {Max} held)", id, max);
        }
    }

    public static async Task<LiveModel> FitAsync(int datasetId, RetailLog log, ICustomerSegmentSource segments, TimeProvider time,
        IProgress<double>? progress, CancellationToken ct)
    {
        var snapshot = await segments.LatestAsync(datasetId, ct);
        Func<int, string?>? segmentOf = snapshot is not null
            ? c => c >= 0 && c < log.CustomerCount ? snapshot.SegmentOf(log.CustomerIds[c]) : null
            : null;
        var sw = Stopwatch.StartNew();
        var engine = await Task.Run(() => RecommendationEngine.Fit(log, null, segmentOf, progress, ct), ct);
        return new LiveModel(datasetId, log, engine, snapshot?.RunId, time.GetUtcNow().UtcDateTime, sw.Elapsed.TotalSeconds);
    }

    private Task<LiveModel> FitInBackground(int datasetId)
    {
        var task = Task.Run(() => FitLoggedAsync(datasetId));
        // Announced after the task completed, so a listener's TryGet already sees the engine.
        _ = task.ContinueWith(_ => Ready?.Invoke(datasetId), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        return task;
    }

    private async Task<LiveModel> FitLoggedAsync(int datasetId)
    {
        try
        {
            var log = await loader.LoadRetailLogAsync(datasetId);
            var model = await FitAsync(datasetId, log, segments, time, null, CancellationToken.None);
            logger.LogInformation("Live recommendation engine for dataset {Dataset} fitted in {Seconds:0.0} s", datasetId, model.FitSeconds);
            _failures.TryRemove(datasetId, out _);
            return model;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Live recommendation engine for dataset {Dataset} could not be fitted", datasetId);
            _failures[datasetId] = ex.Message;
            _models.TryRemove(datasetId, out _);
            throw;
        }
    }
}
