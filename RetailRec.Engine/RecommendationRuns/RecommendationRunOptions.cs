namespace RetailRec.Engine.RecommendationRuns;

/// <summary>
/// Settings of the evaluation and recommendation-training jobs, bound from "RetailRec:Recommendations". Files go where
/// every run's exports go (<see cref="MarketingRuns.MarketingRunOptions.ExportsRoot"/>, set by the host), so one exports
/// folder holds run-&lt;id&gt;/ for every kind of run.
/// </summary>
public sealed class RecommendationRunOptions
{
    public const string Section = "RetailRec:Recommendations";

    /// <summary>Queue a recommendation training after every successful import, so a new dataset answers at once.</summary>
    public bool AutoTrainAfterImport { get; set; } = true;

    /// <summary>How many items per customer and method the training job precomputes (requests for more use the live path).</summary>
    public int PrecomputeCount { get; set; } = 20;

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

    /// <summary>An evaluation run's split files of one kind ("T" or "L"): run-&lt;id&gt;/T under the shared exports root.</summary>
    public static string SplitDirectory(this MarketingRuns.MarketingRunOptions exports, int runId, string splitKind) =>
        Path.Combine(exports.RunExportDirectory(runId), splitKind);
}
