using RetailRec.Engine.Recommendations.Baselines;
using static RetailRec.Tests.Engine.Recommendations.TinyLogs;

namespace RetailRec.Tests.Engine.Recommendations;

public class RepeatAwareTests
{
    [Fact]
    public void Frequency_is_scaled_by_smoothed_repeat_propensity()
    {
        // S (staple): A and B each buy it twice -> (2 + 1) / (2 + 2) = 0.75. G (gift): A once, B once -> (0 + 1) / (2 + 2) = 0.25.
        var log = Build(("A", 0, "S G"), ("B", 0, "S G"), ("A", 10, "S"), ("B", 10, "S"));
        var model = new RepeatPropensityRecommender(halfLifeDays: 10, gamma: 1);
        model.Fit(log, null, default);
        Assert.Equal(0.75f, model.Propensity(I(log, "S")), 6);
        Assert.Equal(0.25f, model.Propensity(I(log, "G")), 6);
        var s = Scores(model, log, "A");
        // A: S weights 1 (day 10) + 0.5 (day 0) = 1.5 -> x 0.75; G 0.5 -> x 0.25 (invoices minutes apart: 3 decimals).
        Assert.Equal(1.125f, s[I(log, "S")], 3);
        Assert.Equal(0.125f, s[I(log, "G")], 3);
        // gamma 0 switches propensity off: plain personal frequency.
        var plain = new RepeatPropensityRecommender(halfLifeDays: 10, gamma: 0);
        plain.Fit(log, null, default);
        Assert.Equal(1.5f, Scores(plain, log, "A")[I(log, "S")], 3);
        Assert.Equal("you bought this 2 times", model.Explain(C(log, "A"), I(log, "S")));
    }
}
