namespace RetailRec.Engine.Recommendations.Ranking;

/// <summary>Where the ranker's labels come from: the window before the training view's end (split T) or each customer's last basket (split L).</summary>
public enum RankerLabels { Window, LastBasket }

/// <summary>Which LightGBM objective is trained; <see cref="Auto"/> trains both and keeps the better one on held-out validation customers.</summary>
public enum RankerObjective { Auto, LambdaRank, Binary }

/// <summary>
/// The learned ranker's settings. Only <see cref="Labels"/> is chosen per split on validation like any other model's
/// hyper-parameter; the objective and the number of trees are chosen inside the fit on a held-out share of the
/// label customers (never on test targets).
/// </summary>
public sealed record RankerOptions
{
    public RankerLabels Labels { get; init; } = RankerLabels.Window;
    public int WindowDays { get; init; } = 30;
    public int PoolSize { get; init; } = 150;
    public int RepeatCandidates { get; init; } = 100;
    /// <summary>How deep each source's top list is read (for the pool and the rank features).</summary>
    public int SourceDepth { get; init; } = 200;
    /// <summary>Negatives kept per training customer (all positives are kept); held-out customers keep their whole pool.</summary>
    public int NegativesPerCustomer { get; init; } = 40;
    public double HoldoutShare { get; init; } = 0.2;
    public RankerObjective Objective { get; init; } = RankerObjective.Auto;
    public int MaxTrees { get; init; } = 150;
    public int EarlyStoppingRounds { get; init; } = 20;
    public int Leaves { get; init; } = 31;
    public double LearningRate { get; init; } = 0.1;
    public int MinRowsPerLeaf { get; init; } = 50;
    public int Seed { get; init; } = 42;
}
