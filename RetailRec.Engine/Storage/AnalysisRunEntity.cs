namespace RetailRec.Engine.Storage;

/// <summary>
/// One stored analysis of one dataset (a marketing run, an evaluation run, a model training, ...). Pages show the
/// latest run of a kind for the active dataset, or a run the user picks; results live in <see cref="AnalysisArtifactEntity"/>.
/// </summary>
public sealed class AnalysisRunEntity
{
    public int Id { get; set; }
    public int DatasetId { get; set; }
    /// <summary>e.g. "marketing", "evaluation", "training".</summary>
    public required string Kind { get; set; }
    public string Label { get; set; } = "";
    public int? JobId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string ParametersJson { get; set; } = "{}";
    /// <summary>Small headline figures for lists and comparisons (the leaderboard reads these).</summary>
    public string SummaryJson { get; set; } = "{}";
}

/// <summary>A named JSON document of a run, e.g. "segments", "sellthrough". Written once, read many times (cached).</summary>
public sealed class AnalysisArtifactEntity
{
    public long Id { get; set; }
    public int RunId { get; set; }
    public required string Name { get; set; }
    public required string ContentJson { get; set; }
}
