using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Promotions.Features;
using RetailRec.Engine.Recommendations;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Promotions;

public class RecommenderScoresTests
{
    /// <summary>Scores items by a fixed table and remembers the latest basket it was trained on.</summary>
    private sealed class FixedRecommender(float[] scores) : IRecommender
    {
        public string Name => "Fixed";
        public DateTime LatestTrainingBasket { get; private set; }
        public int FitCalls { get; private set; }

        public void Fit(RetailLog train, IProgress<double>? progress, CancellationToken ct)
        {
            FitCalls++;
            LatestTrainingBasket = train.Baskets.Max(b => b.Time);
        }

        public void Score(int customer, Span<float> s) => scores.CopyTo(s);
    }

    private static readonly RetailLog Log = RetailLogBuilder.Build(
    [
        Records.Sale("A", "1", "X", "2011-01-01"), Records.Sale("A", "1", "Y", "2011-01-01"), Records.Sale("B", "2", "Z", "2011-01-10"),
        Records.Sale("C", "3", "X", "2011-03-01"), // C's first basket comes after the cutoff
    ]);

    [Fact]
    public void The_feature_is_the_dcg_discount_of_the_items_rank_and_zero_for_customers_unknown_at_the_cutoff()
    {
        int x = Log.ItemIndexOf("X")!.Value, y = Log.ItemIndexOf("Y")!.Value, z = Log.ItemIndexOf("Z")!.Value;
        var table = new float[3];
        table[x] = 3; table[y] = 1; table[z] = 2;   // ranks: X 0, Z 1, Y 2
        var model = new FixedRecommender(table);
        var scores = new RecommenderScores(Log, () => model, [x, y, z]);
        var cutoff = new DateTime(2011, 2, 1);
        int a = Log.CustomerIndexOf("A")!.Value, c = Log.CustomerIndexOf("C")!.Value;

        Assert.Equal(1.0, scores.At(cutoff, a, x), 6);                  // 1 / log2(2)
        Assert.Equal(1 / Math.Log2(3), scores.At(cutoff, a, z), 6);
        Assert.Equal(0.5, scores.At(cutoff, a, y), 6);                  // 1 / log2(4)
        Assert.Equal(0.0, scores.At(cutoff, c, x));                     // no basket before the cutoff
        Assert.Equal("Fixed", scores.ModelName);
    }

    [Fact]
    public void Each_cutoff_is_fitted_once_on_baskets_before_it_only()
    {
        var model = new FixedRecommender([1, 2, 3]);
        var scores = new RecommenderScores(Log, () => model, [0, 1, 2]);
        var fitsFromConstructor = model.FitCalls; // none: the factory is called for the name only

        scores.At(new DateTime(2011, 2, 1), 0, 0);
        Assert.Equal(new DateTime(2011, 1, 10), model.LatestTrainingBasket);
        scores.At(new DateTime(2011, 2, 1), 0, 1);
        Assert.Equal(fitsFromConstructor + 1, model.FitCalls);
        scores.At(new DateTime(2011, 1, 5), 0, 0);
        Assert.Equal(new DateTime(2011, 1, 1), model.LatestTrainingBasket);
        Assert.Equal(fitsFromConstructor + 2, model.FitCalls);
    }

    [Fact]
    public void An_item_that_was_not_registered_is_refused_with_its_code()
    {
        var scores = new RecommenderScores(Log, () => new FixedRecommender([1, 2, 3]), [Log.ItemIndexOf("X")!.Value]);
        var ex = Assert.Throws<ArgumentException>(() => scores.At(new DateTime(2011, 2, 1), 0, Log.ItemIndexOf("Y")!.Value));
        Assert.Contains("Y", ex.Message);
    }
}
