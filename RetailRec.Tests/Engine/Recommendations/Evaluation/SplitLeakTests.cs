using RetailRec.Engine.Recommendations.Evaluation.Splits;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Tests.Engine.Recommendations;

namespace RetailRec.Tests.Engine.Recommendations.Evaluation;

public class SplitLeakTests
{
    /// <summary>A random log: 30 customers, 40 items, 1-8 baskets each spread over 200 days.</summary>
    private static RetailLog RandomLog(int seed)
    {
        var rng = new Random(seed);
        var baskets = new List<(string, int, string)>();
        for (var c = 0; c < 30; c++)
        {
            var n = rng.Next(1, 9);
            for (var b = 0; b < n; b++)
            {
                var items = Enumerable.Range(0, rng.Next(1, 6)).Select(_ => "I" + rng.Next(40)).Distinct();
                baskets.Add(("C" + c, rng.Next(200), string.Join(' ', items)));
            }
        }
        return TinyLogs.Build(baskets.OrderBy(b => b.Item2).ToArray());
    }

    public static IEnumerable<object[]> Seeds => Enumerable.Range(1, 25).Select(s => new object[] { s });

    [Theory, MemberData(nameof(Seeds))]
    public void Temporal_split_trains_strictly_before_the_cutoff_and_targets_come_after(int seed)
    {
        var log = RandomLog(seed);
        var test = TemporalSplit.Test(log, 30);
        var cutoff = TemporalSplit.Cutoff(log, 30);
        Assert.All(test.Train.Baskets, b => Assert.True(b.Time < cutoff));
        Assert.All(test.Train.Lines, l => Assert.True(l.Time < cutoff));
        foreach (var c in test.Cases)
        {
            var after = log.Baskets.Where(b => b.Customer == c.Customer && b.Time >= cutoff).SelectMany(b => b.Items).ToHashSet();
            Assert.Subset(after, c.Targets.ToHashSet());
        }
        // Validation lives entirely inside the test training view and before its own cutoff.
        var val = TemporalSplit.Validation(log, 30);
        var valCutoff = cutoff.AddDays(-30);
        Assert.All(val.Train.Baskets, b => Assert.True(b.Time < valCutoff));
        foreach (var c in val.Cases)
        {
            var window = log.Baskets.Where(b => b.Customer == c.Customer && b.Time >= valCutoff && b.Time < cutoff)
                .SelectMany(b => b.Items).ToHashSet();
            Assert.Subset(window, c.Targets.ToHashSet());
        }
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Leave_last_basket_split_never_trains_on_a_target_basket(int seed)
    {
        var log = RandomLog(seed);
        var test = LeaveLastBasketSplit.Test(log);
        var val = LeaveLastBasketSplit.Validation(log);
        var byCustomer = log.BasketsByCustomer();
        var testInvoices = byCustomer.Where(b => b.Length >= 2).Select(b => log.Baskets[b[^1]].Invoice).ToHashSet();
        var valInvoices = byCustomer.Where(b => b.Length >= 3).Select(b => log.Baskets[b[^2]].Invoice).ToHashSet();
        Assert.DoesNotContain(test.Train.Baskets, b => testInvoices.Contains(b.Invoice));
        Assert.DoesNotContain(val.Train.Baskets, b => testInvoices.Contains(b.Invoice) || valInvoices.Contains(b.Invoice));
        Assert.All(test.Train.Lines, l => Assert.Equal(test.Train.Baskets[l.Basket].Customer, l.Customer));
        foreach (var c in test.Cases)
            Assert.Subset(log.Baskets[byCustomer[c.Customer][^1]].Items.ToHashSet(), c.Targets.ToHashSet());
        // Every other basket stays in training: only targets leave.
        Assert.Equal(log.Baskets.Length - testInvoices.Count, test.Train.Baskets.Length);
    }

    [Fact]
    public void Targets_never_sold_in_training_are_dropped_and_counted()
    {
        var log = TinyLogs.Build(("A", 0, "X"), ("B", 1, "Y"), ("A", 100, "X NEW"));
        var test = TemporalSplit.Test(log, 30);
        var only = Assert.Single(test.Cases);
        Assert.Equal([log.ItemIndexOf("X")!.Value], only.Targets);
        Assert.Equal(1, test.DroppedTargets);
    }
}
