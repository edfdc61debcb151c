namespace RetailRec.Engine.Promotions;

/// <summary>Settings shared by propensity training, scoring and backtests.</summary>
public sealed record PropensityOptions
{
    /// <summary>"Buys within the horizon" is the event being predicted.</summary>
    public int HorizonDays { get; init; } = 30;

    /// <summary>L2 strength of the logistic regression (on standardised features).</summary>
    public double L2 { get; init; } = 1.0;

    /// <summary>Above this many (customer, item) training rows, negatives are subsampled and re-weighted.</summary>
    public int MaxTrainingRows { get; init; } = 250_000;

    /// <summary>When training for a campaign, the model is pooled over the target and this many popular items.</summary>
    public int PooledItems { get; init; } = 30;

    public int Seed { get; init; } = 17;
}
