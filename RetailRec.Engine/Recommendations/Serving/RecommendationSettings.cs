namespace RetailRec.Engine.Recommendations.Serving;

/// <summary>
/// Hyper-parameters of the served models. Defaults are the values chosen on the VALIDATION splits by the recs bench
/// (docs/EVALUATION.md), never on test data.
/// </summary>
public sealed record RecommendationSettings
{
    public int PopularityWindowDays { get; init; } = 30;
    public double PersonalHalfLifeDays { get; init; } = 90;
    public double EaseLambda { get; init; } = 300;
    /// <summary>Personalized = RepeatAware: frequency (this half-life) x repeat propensity^gamma + TIFU-KNN neighbours as the explore part.</summary>
    public double RepeatHalfLifeDays { get; init; } = 120;
    public double RepeatGamma { get; init; } = 0.5;
    public double ExploreWeight { get; init; } = 0.3;
    public int TifuNeighbours { get; init; } = 200;
    public double TifuBasketDecay { get; init; } = 0.95;
    public int ContentNeighbours { get; init; } = 50;
    public int RuleMinBaskets { get; init; } = 3;

    /// <summary>Which model answers "Personalized": by default whichever of RepeatAware and the learned ranker is better on validation.</summary>
    public Ranking.PersonalizedModel Personalized { get; init; } = Ranking.PersonalizedModel.BestOnValidation;

    /// <summary>Method "All": personal 50%, CF 30%, content 10%, popularity (or segment) 10%.</summary>
    public (double Personal, double Cf, double Content, double Popular) AllWeights { get; init; } = (0.5, 0.3, 0.1, 0.1);
}
