namespace RetailRec.Engine.Recommendations.Runs;

/// <summary>Settings of the evaluation and recommendation-training jobs, bound from "RetailRec:Recommendations".</summary>
public sealed class RecommendationRunOptions
{
    public const string Section = "RetailRec:Recommendations";

    /// <summary>Queue a recommendation training after every successful import, so a new dataset answers at once.</summary>
    public bool AutoTrainAfterImport { get; set; } = true;

    /// <summary>How many items per customer and method the training job precomputes (requests for more use the live path).</summary>
    public int PrecomputeCount { get; set; } = 20;

    /// <summary>How many datasets keep a live engine in memory (each holds its whole log); the least recently used goes first.</summary>
    public int MaxLiveModels { get; set; } = 3;
}
