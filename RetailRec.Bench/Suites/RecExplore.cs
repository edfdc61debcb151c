using RetailRec.Engine.Evaluation;
using RetailRec.Engine.Evaluation.Splits;
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

/// <summary>recs-explore: every model at default settings on the VALIDATION splits only (development aid).</summary>
public sealed class RecExploreSuite : IBenchSuite
{
    public string Name => "recs-explore";
    public string Description => "all recommenders at defaults on validation splits T-val and L-val";

    public Task RunAsync(BenchContext context)
    {
        var log = RecDataLoader.Load(context.DatasetPath);
        var fp = LogFingerprint.Of(log);
        RecSuite.PrintHeader();
        foreach (var split in new[] { TemporalSplit.Validation(log), LeaveLastBasketSplit.Validation(log) })
        {
            var pf = new PersonalFrequencyRecommender();
            var ease = new EaseRecommender(250);
            var tifu = new TifuKnnRecommender();
            IRecommender[] models = [new PopularityRecommender(30), pf, new MarkovChainRecommender(), new ItemKnnRecommender(100),
                new UserKnnRecommender(50), ease, tifu, new ImplicitAlsRecommender(), new BasketRulesRecommender(), new ContentRecommender()];
            foreach (var m in models) RecSuite.Print(Evaluator.Evaluate(m, split, fp));
            foreach (var w in new[] { 0.5, 0.7, 0.85 })
            {
                RecSuite.Print(Evaluator.Evaluate(new WeightedBlendRecommender("PF+EASE", [new(pf, w), new(ease, 1 - w)], partsFitted: true), split, fp));
                RecSuite.Print(Evaluator.Evaluate(new WeightedBlendRecommender("PF+TIFU", [new(pf, w), new(tifu, 1 - w)], partsFitted: true), split, fp));
            }
        }
        return Task.CompletedTask;
    }
}
