using RetailRec.Engine.Recommendation;
using RetailRec.Engine.Recommendation.Baselines;
using RetailRec.Engine.Recommendation.Content;
using RetailRec.Engine.Recommendation.Ease;
using RetailRec.Engine.Recommendation.Factorization;
using RetailRec.Engine.Recommendation.Hybrid;
using RetailRec.Engine.Recommendation.MarketBasket;
using RetailRec.Engine.Recommendation.Neighbourhood;
using RetailRec.Engine.Recommendation.Sequential;

namespace RetailRec.Bench.Suites;

/// <summary>The hyper-parameter grid of every classical model: one family = one leaderboard row after tuning on validation.</summary>
internal static class RecCandidates
{
    public sealed record Family(string Name, IReadOnlyList<Func<IRecommender>> Variants);

    public static IReadOnlyList<Family> All() =>
    [
        new("Popular", new Func<IRecommender>[] { () => new PopularityRecommender(7), () => new PopularityRecommender(30), () => new PopularityRecommender(90) }),
        new("PersonalFrequency", new[] { 30.0, 90, 365 }.Select(h => (Func<IRecommender>)(() => new PersonalFrequencyRecommender(h))).ToList()),
        new("Markov", new Func<IRecommender>[] { () => new MarkovChainRecommender() }),
        new("ItemKNN", (from k in new[] { 50, 200 } from h in new double?[] { null, 90 }
                        select (Func<IRecommender>)(() => new ItemKnnRecommender(k, h))).ToList()),
        new("UserKNN", new Func<IRecommender>[] { () => new UserKnnRecommender(30), () => new UserKnnRecommender(100) }),
        new("EASE", new[] { 100.0, 300, 1000 }.Select(l => (Func<IRecommender>)(() => new EaseRecommender(l))).ToList()),
        new("ALS", new Func<IRecommender>[] { () => new ImplicitAlsRecommender(alpha: 10), () => new ImplicitAlsRecommender(alpha: 40) }),
        new("BasketRules", new Func<IRecommender>[] { () => new BasketRulesRecommender(1), () => new BasketRulesRecommender(3) }),
        new("Content", new Func<IRecommender>[] { () => new ContentRecommender(50, 90), () => new ContentRecommender(50, 365) }),
        new("Hybrid CF70+Content30", new Func<IRecommender>[] { () => new WeightedBlendRecommender("Hybrid CF70+Content30",
            [new(new EaseRecommender(300), 0.7), new(new ContentRecommender(), 0.3)]) }),
        new("TIFU-KNN", (from k in new[] { 50, 200 } from d in new[] { 0.8, 0.95 } from a in new[] { 0.6, 0.8 } from h in new double?[] { null, 180 }
                         select (Func<IRecommender>)(() => new TifuKnnRecommender(k, d, a, h))).ToList()),
        new("RepeatAware", (from h in new[] { 60.0, 120 } from g in new[] { 0.5, 1.0 } from w in new[] { 0.0, 0.1, 0.3 }
                            select (Func<IRecommender>)(() => new RepeatPropensityRecommender(h, g,
                                w > 0 ? new TifuKnnRecommender(200, 0.95, 0.0) : null, w))).ToList()),
    ];
}
