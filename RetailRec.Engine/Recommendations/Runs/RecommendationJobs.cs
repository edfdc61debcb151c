using RetailRec.Engine.Jobs;
using RetailRec.Engine.Recommendations.Evaluation;
using RetailRec.Engine.Runs;
using RetailRec.Engine.Storage;

namespace RetailRec.Engine.Recommendations.Runs;

/// <summary>The Recommendations feature's job kinds, the runs they store and those runs' artifacts.</summary>
public static class RecommendationJobs
{
    /// <summary>Every classical model on splits T and L: the leaderboard.</summary>
    public static readonly JobKind<EvaluationJobParameters> Evaluation = new("evaluation", "Model evaluation");
    /// <summary>Fits the serving engine and precomputes every customer's lists.</summary>
    public static readonly JobKind<RecommendTrainParameters> Train = new("recommend-train", "Recommendation training");

    public static readonly RunKind EvaluationRun = new("evaluation");
    /// <summary>Runs holding precomputed top lists.</summary>
    public static readonly RunKind ListsRun = new("recommendations");

    public static class Artifacts
    {
        /// <summary>The leaderboard rows (also written by the sequence-model runs, so the Models page reads both alike).</summary>
        public static readonly ArtifactKey<List<EvaluationResult>> Results = new("results");
        public static readonly ArtifactKey<HoldoutArtifact> Holdout = new("holdout");
        /// <summary>The learned ranker of each test split: objective, candidate recall, feature importance.</summary>
        public static readonly ArtifactKey<List<Ranking.RankerCard>> RankerCards = new("ranker");

        public static ArtifactKey<PrecomputedLists> Lists(ServingMethod method) => new("lists-" + method);
    }

    public static readonly IReadOnlyList<string> SplitFileNames = ["train_next.csv", "val_next.csv", "test_next.csv"];

    /// <summary>An evaluation run's split files of one kind ("T" or "L"): run-&lt;id&gt;/T.</summary>
    public static string SplitDirectory(this DataPaths paths, int runId, string splitKind) => Path.Combine(paths.RunFiles(runId), splitKind);
}
