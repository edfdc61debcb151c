using RetailRec.Engine.DemoData;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Promotions;
using RetailRec.Engine.Promotions.Features;
using RetailRec.Engine.Promotions.Uplift;

namespace RetailRec.Tests.Engine.Promotions;

public class UpliftRecoveryTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void Uplift_models_find_planted_persuadables_better_than_the_propensity_model_on_a_held_out_promotion()
    {
        var data = DemoDataGenerator.Generate(new DemoDataOptions { TargetLines = 60_000, Seed = 12 });
        var promo = DemoPromotionGenerator.Generate(data);
        var log = RetailLogBuilder.Build(promo.Records);
        var entries = promo.Log.Select(e => new PromotionLogEntry(e.CustomerId, e.PromotionId, e.StockCode, e.Treated, e.SentDate)).ToArray();
        var outcomes = PromotionOutcomes.Derive(log, entries, 30);
        var features = new PropensityFeatureBuilder();
        var rows = UpliftRows.Build(log, outcomes, features);
        var lastPromotion = entries.Max(e => e.PromotionId)!;
        var train = rows.Where(o => o.Entry.PromotionId != lastPromotion);
        var test = rows.Where(o => o.Entry.PromotionId == lastPromotion);
        var planted = promo.Log.Where(e => e.PromotionId == lastPromotion).ToDictionary(e => e.CustomerId, e => e.Response);

        var twoModel = TwoModelUplift.Fit(train);
        var classTransform = ClassTransformationUplift.Fit(train);
        var sent = test.Outcomes[0].Entry.SentDate;
        var trainer = new PropensityTrainer(new PropensityOptions(), features);
        var propensity = trainer.TrainLogistic(log, sent, trainer.PoolFor(new PurchaseHistory(log, sent), [test.Outcomes[0].Item]));

        double[] Scores(Func<int, double> f) => Enumerable.Range(0, test.Outcomes.Length).Select(f).ToArray();
        var byTwo = Scores(r => twoModel.Uplift(test.Row(r)));
        var byClass = Scores(r => classTransform.Uplift(test.Row(r)));
        var byPropensity = Scores(r => propensity.Predict(test.Row(r)));

        var persuadables = test.Outcomes.Count(o => planted[o.Entry.CustomerId] == DemoResponse.Persuadable);
        Assert.True(persuadables > 30);
        double Found(double[] scores) => Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(persuadables)
            .Count(i => planted[test.Outcomes[i].Entry.CustomerId] == DemoResponse.Persuadable) / (double)persuadables;
        output.WriteLine($"persuadables found in the top {persuadables} of {test.Outcomes.Length}: two-model {Found(byTwo):F2}, " +
                         $"class transformation {Found(byClass):F2}, propensity {Found(byPropensity):F2}");
        Assert.True(Found(byTwo) > Found(byPropensity) + 0.1, $"two-model {Found(byTwo):F2} vs propensity {Found(byPropensity):F2}");
        Assert.True(Found(byClass) > Found(byPropensity), $"class transformation {Found(byClass):F2} vs propensity {Found(byPropensity):F2}");

        // Measured on the randomised held-out outcomes too: the uplift ranking earns more incremental buyers.
        var qiniTwo = UpliftMetrics.Evaluate(byTwo, test.Treated, test.Bought).QiniCoefficient;
        var qiniPropensity = UpliftMetrics.Evaluate(byPropensity, test.Treated, test.Bought).QiniCoefficient;
        output.WriteLine($"Qini coefficient two-model {qiniTwo:F2}, propensity {qiniPropensity:F2}");
        Assert.True(qiniTwo > qiniPropensity, $"Qini two-model {qiniTwo:F2} vs propensity {qiniPropensity:F2}");
    }

    [Fact]
    public void Fatigue_is_flagged_when_later_offers_get_fewer_responses()
    {
        PromotionOutcome O(string c, int month, bool bought, bool treated = true) =>
            new(new PromotionLogEntry(c, $"P{month}", "X", treated, new DateTime(2011, month, 1)), 0, 0, bought);
        var rows = FatigueDetector.Detect(
        [
            O("A", 1, true), O("A", 2, true), O("A", 3, false), O("A", 4, false),     // 1.0 -> 0.0: fatigued
            O("B", 1, true), O("B", 2, false), O("B", 3, true), O("B", 4, false),     // 0.5 -> 0.5
            O("C", 1, true), O("C", 2, true), O("C", 3, false),                       // too few offers
            O("D", 1, true), O("D", 2, true), O("D", 3, false, treated: false), O("D", 4, false, treated: false),
        ]);
        Assert.Equal(["A", "B"], rows.Select(r => r.CustomerId));
        Assert.True(rows[0].Fatigued);
        Assert.Equal(1.0, rows[0].EarlyResponseRate);
        Assert.False(rows[1].Fatigued);
        var recent = FatigueDetector.RecentContacts(
            [new("A", "P1", "X", true, new DateTime(2011, 5, 1)), new("A", "P2", "X", true, new DateTime(2011, 6, 1)),
             new("A", "P3", "X", false, new DateTime(2011, 6, 2)), new("B", "P0", "X", true, new DateTime(2011, 1, 1))],
            new DateTime(2011, 6, 10), days: 60);
        Assert.Equal(2, recent["A"]);
        Assert.False(recent.ContainsKey("B"));
    }
}
