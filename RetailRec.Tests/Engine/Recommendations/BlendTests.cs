using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Recommendations;
using RetailRec.Engine.Recommendations.Hybrid;
using static RetailRec.Tests.Engine.Recommendations.TinyLogs;

namespace RetailRec.Tests.Engine.Recommendations;

public class BlendTests
{
    private sealed class Fixed(string name, params float[] values) : IRecommender
    {
        public string Name => name;
        public void Fit(RetailLog train, IProgress<double>? progress, CancellationToken ct) { }
        public void Score(int customer, Span<float> scores) => values.CopyTo(scores);
        public string Explain(int customer, int item) => "because " + name;
    }

    [Fact]
    public void Blend_min_max_normalises_each_part_then_weights_and_falls_back_to_popularity_when_cold()
    {
        var log = Build(("A", 0, "X Y Z"), ("B", 1, "Z"));
        var cold = log.KeepBaskets(b => b.Customer != C(log, "B"));   // same indexes, B has no history here
        // Part 1 scores (0, 5, 10) -> (0, 0.5, 1); part 2 (3, 1, 1) -> (1, 0, 0). Weights 0.7 / 0.3.
        var blend = new WeightedBlendRecommender("H", [new(new Fixed("one", 0, 5, 10), 0.7), new(new Fixed("two", 3, 1, 1), 0.3)]);
        blend.Fit(cold, null, default);
        var s = Scores(blend, cold, "A");
        Assert.Equal(0.3f, s[0], 6); Assert.Equal(0.35f, s[1], 6); Assert.Equal(0.7f, s[2], 6);
        Assert.Equal("because two", blend.Explain(C(log, "A"), 0));
        Assert.Equal("because one", blend.Explain(C(log, "A"), 2));
        var b = Scores(blend, cold, "B");                 // cold: popularity (A bought all three, once)
        Assert.StartsWith("popular", blend.Explain(C(log, "B"), 0));
        Assert.Equal(b[0], b[1]);
    }
}
