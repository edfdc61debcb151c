namespace RetailRec.Engine.Storage;

public enum JobState { Queued, Running, Succeeded, Failed, Cancelled, Interrupted }

/// <summary>A unit of background work, persisted so progress survives page reloads and restarts are detectable.</summary>
public sealed class JobEntity
{
    public int Id { get; set; }
    public required string Kind { get; set; }
    /// <summary>What the user sees, e.g. "Import online_retail.csv".</summary>
    public string Title { get; set; } = "";
    public string ParametersJson { get; set; } = "{}";
    public int? DatasetId { get; set; }
    public JobState State { get; set; }
    public double Progress { get; set; }
    public string Step { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? StartedAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }
    public string? Error { get; set; }
    /// <summary>A short rolling log (newest last), capped so a chatty job cannot bloat the row.</summary>
    public string Log { get; set; } = "";
    public string? ResultJson { get; set; }
}
