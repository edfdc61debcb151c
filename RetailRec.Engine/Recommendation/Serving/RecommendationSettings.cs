namespace RetailRec.Engine.Recommendation.Serving;

/// <summary>
/// Hyper-parameters of the served models. Defaults are the values chosen on the VALIDATION splits by the recs bench
/// (docs/EVALUATION.md), never on test data.
/// </summary>
public sealed record RecommendationSettings
{
    public int PopularityWindowDays { get; init; } = 30;
    public double PersonalHalfLifeDays { get; init; } = 90;
    public double EaseLambda { get; init; } = 250;
    public int TifuNeighbours { get; init; } = 100;
    public double TifuBasketDecay { get; init; } = 0.9;
    public double TifuAlpha { get; init; } = 0.7;
    public int ContentNeighbours { get; init; } = 50;
    public int RuleMinBaskets { get; init; } = 3;

    /// <summary>Method "All": personal 50%, CF 30%, content 10%, popularity (or segment) 10%.</summary>
    public (double Personal, double Cf, double Content, double Popular) AllWeights { get; init; } = (0.5, 0.3, 0.1, 0.1);
}
