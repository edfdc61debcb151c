namespace RetailRec.Engine.RecommendationRuns;

/// <summary>
/// Settings of the evaluation and recommendation-training jobs. The Engine must not know the web app's paths, so the
/// host sets <see cref="ExportsDirectory"/>; without it the folder of the SQLite file is used. Bound from
/// "RetailRec:Recommendations".
/// </summary>
public sealed class RecommendationRunOptions
{
    public const string Section = "RetailRec:Recommendations";

    /// <summary>Root of run exports; each evaluation run writes its split files into run-&lt;id&gt;/T and run-&lt;id&gt;/L.</summary>
    public string ExportsDirectory { get; set; } = "";

    /// <summary>Queue a recommendation training after every successful import, so a new dataset answers at once.</summary>
    public bool AutoTrainAfterImport { get; set; } = true;

    /// <summary>How many items per customer and method the training job precomputes (requests for more use the live path).</summary>
    public int PrecomputeCount { get; set; } = 20;

    public string RunExportDirectory(int runId) => Path.Combine(ExportsDirectory, $"run-{runId}");

    public string SplitDirectory(int runId, string splitKind) => Path.Combine(RunExportDirectory(runId), splitKind);
}

/// <summary>Job kinds, run kinds and artifact names of the recommendation side (one place, so pages and API agree).</summary>
public static class RecommendationRunKinds
{
    public const string EvaluationJob = "evaluation";
    public const string EvaluationRun = "evaluation";
    public const string TrainJob = "recommend-train";
    /// <summary>Runs holding precomputed top lists.</summary>
    public const string ListsRun = "recommendations";

    public const string ResultsArtifact = "results";
    public const string HoldoutArtifact = "holdout";

    public static string ListsArtifact(ServingMethod method) => "lists-" + method;

    public static readonly IReadOnlyList<string> SplitFileNames = ["train_next.csv", "val_next.csv", "test_next.csv"];
}
