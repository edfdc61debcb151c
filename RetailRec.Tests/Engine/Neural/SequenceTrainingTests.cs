using RetailRec.Engine.Recommendations.Evaluation;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Neural.Models;

namespace RetailRec.Tests.Engine.Neural;

/// <summary>End-to-end training on small synthetic logs with a planted pattern (evaluated on held-out baskets only).</summary>
public class SequenceTrainingTests
{
    internal static readonly SequenceRecommenderOptions Small = new()
    {
        Hidden = 32, Heads = 2, Blocks = 2, MaxLength = 12, Dropout = 0.1f, BatchSize = 32, MaxEpochs = 40, Patience = 5, MinEpochs = 0,
        LearningRate = 5e-3f, WarmupSteps = 10, RepeatAware = false, Seed = 11, Threads = 2,
    };

    internal static double HitRateAt1(SequenceRecommender model, RetailLog log, Dictionary<int, HashSet<int>> test)
    {
        var scores = new float[log.ItemCount];
        return test.Average(p =>
        {
            model.Score(p.Key, scores);
            return RankingMetrics.HitRateAt(TopK.Select(scores, 1), p.Value, 1);
        });
    }

    [Theory]
    [InlineData(SequenceLoss.FullSoftmax)]
    [InlineData(SequenceLoss.InBatchNegatives)]
    public void SasRec_learns_a_planted_next_item(SequenceLoss loss)
    {
        var log = SyntheticLogs.PlantedCycle(customers: 300, items: 30, minBaskets: 5, maxBaskets: 12, seed: 5);
        var (train, test) = SyntheticLogs.HoldOutLastBasket(log);
        var model = new SasRecRecommender(Small with { Loss = loss, NegativeSamples = 16 });
        model.Fit(train, null, CancellationToken.None);
        var hr = HitRateAt1(model, log, test);
        Assert.True(hr > 0.9, $"HitRate@1 on held-out baskets = {hr:F3}");
        Assert.True(model.Summary!.BestValidationNdcg10 > 0.9, $"validation NDCG@10 = {model.Summary.BestValidationNdcg10:F3}");
    }

    [Fact]
    public void Gru4Rec_learns_a_planted_next_item()
    {
        var log = SyntheticLogs.PlantedCycle(customers: 300, items: 30, minBaskets: 5, maxBaskets: 12, seed: 5);
        var (train, test) = SyntheticLogs.HoldOutLastBasket(log);
        var model = new Gru4RecRecommender(Small with { Blocks = 1 });
        model.Fit(train, null, CancellationToken.None);
        var hr = HitRateAt1(model, log, test);
        Assert.True(hr > 0.9, $"HitRate@1 on held-out baskets = {hr:F3}");
    }
}
