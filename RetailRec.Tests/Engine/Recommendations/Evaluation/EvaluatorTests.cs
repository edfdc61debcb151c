using RetailRec.Engine.Recommendations.Evaluation;
using RetailRec.Engine.Recommendations.Evaluation.Splits;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Recommendations;
using RetailRec.Tests.Engine.Recommendations;

namespace RetailRec.Tests.Engine.Recommendations.Evaluation;

public class EvaluatorTests
{
    /// <summary>Scores a fixed order for everyone: lets the test know every ranked list by hand.</summary>
    private sealed class FixedOrder(params string[] codes) : IRecommender
    {
        private RetailLog _log = null!;
        public string Name => "Fixed";
        public void Fit(RetailLog train, IProgress<double>? progress, CancellationToken ct) => _log = train;
        public void Score(int customer, Span<float> scores)
        {
            scores.Clear();
            for (var k = 0; k < codes.Length; k++) scores[_log.ItemIndexOf(codes[k])!.Value] = codes.Length - k;
        }
    }

    [Fact]
    public void Splits_metrics_into_repeat_and_explore_targets_against_the_training_catalogue()
    {
        // A bought X before; after the cutoff A buys X (repeat) and Z (explore). LATE is sold only after the cutoff.
        var log = TinyLogs.Build(("A", 0, "X"), ("B", 0, "Y Z"), ("A", 100, "X Z LATE"));
        var split = TemporalSplit.Test(log, 30);
        // LATE is ranked first but is outside the training catalogue, so it is skipped: list = [Y, Z, X].
        var r = Evaluator.Evaluate(new FixedOrder("LATE", "Y", "Z", "X"), split, "fp");
        Assert.Equal(1, r.Cases);
        Assert.Equal(1.0, r["Recall@5"], 12);
        // Hits at ranks 2 and 3, two targets: (1/log2 3 + 1/log2 4) / (1 + 1/log2 3).
        Assert.Equal((1 / Math.Log2(3) + 0.5) / (1 + 1 / Math.Log2(3)), r["NDCG@5"], 12);
        Assert.Equal(0.5, r["MRR@5"], 12);
        Assert.Equal(1 / 3.0, r["MRR@5.repeat"], 12);       // X at rank 3
        Assert.Equal(0.5, r["MRR@5.explore"], 12);          // Z at rank 2
        Assert.Equal(1 / Math.Log2(3), r["NDCG@5.explore"], 12);
        Assert.Equal(1.0, r["Coverage@10"], 12);            // 3 training items, all shown
        Assert.Equal("fp", r.DataFingerprint);
        Assert.Equal("T-test", r.Split);
    }

    [Fact]
    public void Fingerprint_changes_with_the_data_and_not_with_the_run()
    {
        var a = TinyLogs.Build(("A", 0, "X"), ("B", 1, "Y"));
        var b = TinyLogs.Build(("A", 0, "X"), ("B", 1, "Z"));
        Assert.Equal(LogFingerprint.Of(a), LogFingerprint.Of(TinyLogs.Build(("A", 0, "X"), ("B", 1, "Y"))));
        Assert.NotEqual(LogFingerprint.Of(a), LogFingerprint.Of(b));
    }
}
