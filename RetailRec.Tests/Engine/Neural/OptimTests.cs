using RetailRec.Engine.Neural.Autodiff;
using RetailRec.Engine.Neural.Models;
using RetailRec.Engine.Neural.Optim;
using RetailRec.Engine.Neural.Tensors;

namespace RetailRec.Tests.Engine.Neural;

public class OptimTests
{
    private static Parameter P(string name, params float[] values) => new(name, Tensor.From(values, values.Length));

    [Fact]
    public void AdamW_first_step_matches_hand_computation()
    {
        // m = 0.1*0.5 = 0.05, v = 0.001*0.25; bias-corrected m = 0.5, v = 0.25 -> step lr * 0.5/0.5 = lr;
        // decoupled decay subtracts lr * wd * w = 0.1 * 0.01 * 1.
        var w = P("w", 1f);
        var b = P("b", 1f);
        w.Grad![0] = 0.5f; b.Grad![0] = 0.5f;
        var opt = new AdamW([w, b], weightDecay: 0.01f, noDecay: p => p.Name == "b");
        opt.Step(0.1f);
        Assert.Equal(0.899f, w.Value[0], 5);
        Assert.Equal(0.9f, b.Value[0], 5);
        opt.ZeroGrad();
        Assert.Equal(0f, w.Grad[0]);
    }

    [Fact]
    public void Global_norm_clipping_scales_all_gradients_together()
    {
        var a = P("a", 0f); var b = P("b", 0f);
        a.Grad![0] = 3; b.Grad![0] = 4;
        var norm = GradientClipping.ClipGlobalNorm([a, b], 1);
        Assert.Equal(5, norm, 6);
        Assert.Equal(0.6f, a.Grad[0], 6);
        Assert.Equal(0.8f, b.Grad[0], 6);
        Assert.Equal(1, GradientClipping.ClipGlobalNorm([a, b], 10), 5); // below the bound: unchanged
        Assert.Equal(0.6f, a.Grad[0], 6);
    }

    [Fact]
    public void Warmup_rises_linearly_then_stays()
    {
        var s = new WarmupSchedule(1f, 4);
        Assert.Equal([0.25f, 0.5f, 0.75f, 1f, 1f], Enumerable.Range(0, 5).Select(s.RateAt));
    }

    [Fact]
    public void Negative_samplers_draw_distinct_valid_items()
    {
        var rng = new Random(1);
        int[] targets = [-1, 4, 4, 7, -1, 2];
        var inBatch = NegativeSampling.InBatch(targets, 50, rng);
        Assert.Equal([2, 4, 7], inBatch.Order());
        var uniform = NegativeSampling.Uniform(100, 30, rng);
        Assert.Equal(30, uniform.Distinct().Count());
        Assert.All(uniform, i => Assert.InRange(i, 0, 99));
    }

    [Fact]
    public void Personal_distribution_weights_baskets_by_recency()
    {
        var model = new SasRecRecommender(new SequenceRecommenderOptions { RecencyDecay = 0.8f });
        var p = model.Personal(new CustomerSequence(0, [[1, 2], [2]]));
        // item 1: 0.8 ; item 2: 0.8 + 1 ; total 2.6
        Assert.Equal(0.8 / 2.6, p[1], 5);
        Assert.Equal(1.8 / 2.6, p[2], 5);
    }
}
