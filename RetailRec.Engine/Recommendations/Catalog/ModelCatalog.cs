using RetailRec.Engine.Recommendations.Baselines;
using RetailRec.Engine.Recommendations.Content;
using RetailRec.Engine.Recommendations.Ease;
using RetailRec.Engine.Recommendations.Factorization;
using RetailRec.Engine.Recommendations.Hybrid;
using RetailRec.Engine.Recommendations.MarketBasket;
using RetailRec.Engine.Recommendations.Neighbourhood;
using RetailRec.Engine.Recommendations.Ranking;
using RetailRec.Engine.Recommendations.Sequential;

namespace RetailRec.Engine.Recommendations.Catalog;

/// <summary>
/// One leaderboard row after tuning: a model family, its hyper-parameter grid, and the variant used when the caller
/// does not tune (the value the recs bench chose on VALIDATION, see docs/EVALUATION.md; never chosen on test data).
/// </summary>
public sealed record ModelFamily(string Name, IReadOnlyList<Func<IRecommender>> Variants, int DefaultVariant = 0)
{
    public IRecommender CreateDefault() => Variants[DefaultVariant]();
}

/// <summary>
/// Every classical recommender with its grid. The recs bench (tuning + test table) and the evaluation job share this
/// list, so the leaderboard in the app and the figures in docs/EVALUATION.md come from the same model construction.
/// </summary>
public static class ModelCatalog
{
    public static IReadOnlyList<ModelFamily> Classical() =>
    [
        new("Popular", [() => new PopularityRecommender(7), () => new PopularityRecommender(30), () => new PopularityRecommender(90)], 1),
        new("PersonalFrequency", new[] { 30.0, 90, 365 }.Select(h => (Func<IRecommender>)(() => new PersonalFrequencyRecommender(h))).ToList(), 1),
        new("Markov", [() => new MarkovChainRecommender()]),
        new("ItemKNN", (from k in new[] { 50, 200 } from h in new double?[] { null, 90 }
                        select (Func<IRecommender>)(() => new ItemKnnRecommender(k, h))).ToList(), 2),
        new("UserKNN", [() => new UserKnnRecommender(30), () => new UserKnnRecommender(100)], 1),
        new("EASE", new[] { 100.0, 300, 1000 }.Select(l => (Func<IRecommender>)(() => new EaseRecommender(l))).ToList(), 1),
        new("ALS", [() => new ImplicitAlsRecommender(alpha: 10), () => new ImplicitAlsRecommender(alpha: 40)]),
        new("BasketRules", [() => new BasketRulesRecommender(1), () => new BasketRulesRecommender(3)]),
        new("Content", [() => new ContentRecommender(50, 90), () => new ContentRecommender(50, 365)]),
        new("Hybrid CF70+Content30", [() => new WeightedBlendRecommender("Hybrid CF70+Content30",
            [new(new EaseRecommender(300), 0.7), new(new ContentRecommender(), 0.3)])]),
        // Grid order k x decay x alpha x half-life; default k=200, decay=0.95, alpha=0.8, no half-life.
        new("TIFU-KNN", (from k in new[] { 50, 200 } from d in new[] { 0.8, 0.95 } from a in new[] { 0.6, 0.8 } from h in new double?[] { null, 180 }
                         select (Func<IRecommender>)(() => new TifuKnnRecommender(k, d, a, h))).ToList(), 14),
        // Grid order half-life x gamma x explore weight; default = the served Personalized model (120, 0.5, 0.3).
        new("RepeatAware", (from h in new[] { 60.0, 120 } from g in new[] { 0.5, 1.0 } from w in new[] { 0.0, 0.1, 0.3 }
                            select (Func<IRecommender>)(() => new RepeatPropensityRecommender(h, g,
                                w > 0 ? new TifuKnnRecommender(200, 0.95, 0.0) : null, w))).ToList(), 8),
        // The learned LightGBM ranker; its label scheme is chosen on validation, objective and trees inside its fit.
        new("Ranker", [() => new LearnedRanker(new RankerOptions { Labels = RankerLabels.Window }),
                       () => new LearnedRanker(new RankerOptions { Labels = RankerLabels.LastBasket })]),
    ];

    /// <summary>The families whose names are listed (all when <paramref name="names"/> is null or empty), in catalogue order.</summary>
    public static IReadOnlyList<ModelFamily> Select(IReadOnlyCollection<string>? names) =>
        names is null || names.Count == 0
            ? Classical()
            : Classical().Where(f => names.Contains(f.Name, StringComparer.OrdinalIgnoreCase)).ToList();
}
