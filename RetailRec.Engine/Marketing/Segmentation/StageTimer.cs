using System.Diagnostics;

namespace RetailRec.Engine.Marketing.Segmentation;

/// <summary>Wall-clock seconds of one pipeline stage, for the job log and the benchmark's per-stage split.</summary>
public sealed record StageTiming(string Stage, double Seconds);

/// <summary>Collects stage timings; <see cref="Measure{T}"/> times one call.</summary>
public sealed class StageTimer
{
    private readonly List<StageTiming> _timings = [];
    public IReadOnlyList<StageTiming> Timings => _timings;

    public T Measure<T>(string stage, Func<T> work)
    {
        var sw = Stopwatch.StartNew();
        var result = work();
        _timings.Add(new StageTiming(stage, sw.Elapsed.TotalSeconds));
        return result;
    }
}
