using System.Text.Json;

namespace RetailRec.Engine.Jobs;

/// <summary>What a running job can see and say: its parameters, and progress/log reporting that reaches every browser.</summary>
public sealed class JobContext(int jobId, int? datasetId, string parametersJson, Action<double, string> report, Action<string> log)
{
    public int JobId { get; } = jobId;
    public int? DatasetId { get; } = datasetId;
    public string ParametersJson { get; } = parametersJson;

    public T Parameters<T>() => JsonSerializer.Deserialize<T>(ParametersJson, JobJson.Options)
                                ?? throw new InvalidOperationException("Job parameters are missing.");

    /// <summary>Progress in 0..100 and the current step, e.g. (40, "Storing rows").</summary>
    public void Report(double percent, string step) => report(Math.Clamp(percent, 0, 100), step);

    public void Log(string line) => log(line);

    /// <summary>An IProgress that maps a 0..1 fraction onto [from, to] percent of this job.</summary>
    public IProgress<(double Fraction, string Step)> Range(double from, double to) =>
        new Progress(this, from, to);

    private sealed class Progress(JobContext ctx, double from, double to) : IProgress<(double Fraction, string Step)>
    {
        public void Report((double Fraction, string Step) value) => ctx.Report(from + (to - from) * value.Fraction, value.Step);
    }
}

public static class JobJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
