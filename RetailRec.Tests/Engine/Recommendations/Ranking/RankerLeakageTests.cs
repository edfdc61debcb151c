using RetailRec.Engine.Recommendations.Ranking;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Recommendations.Ranking;

public class RankerLeakageTests
{
    [Theory]
    [InlineData(RankerLabels.Window)]
    [InlineData(RankerLabels.LastBasket)]
    public void Appending_transactions_at_or_after_the_cutoff_changes_no_feature_and_no_label(RankerLabels labels)
    {
        var options = new RankerOptions { Labels = labels, WindowDays = 14, PoolSize = 25, RepeatCandidates = 15 };
        for (var seed = 1; seed <= 10; seed++)
        {
            var records = RankerLogs.Cycle(seed, customers: 25, days: 150);
            var cutoff = RankerLogs.Start.AddDays(100 + seed);
            var rng = new Random(seed);
            // Later lines: known and new customers, known and new items, some exactly at the cutoff.
            var later = Enumerable.Range(0, 80).Select(k => Records.Sale(
                rng.Next(4) == 0 ? "NEW" + k : "C" + rng.Next(25), "L" + k, rng.Next(3) == 0 ? "NEWITEM" + k % 5 : "N" + rng.Next(30),
                cutoff.AddDays(k % 3 == 0 ? 0 : rng.Next(60)).AddMinutes(k % 3 == 0 ? 0 : 1).ToString("yyyy-MM-dd HH:mm"))).ToList();
            var before = RankerExamples.Build(RankerLogs.Build(records), cutoff, options);
            var after = RankerExamples.Build(RankerLogs.Build(records.Concat(later)), cutoff, options);
            Assert.Equal(Rows(before), Rows(after));
            Assert.Equal(before.FeatureDate, after.FeatureDate);
            Assert.True(before.Groups.Count > 5, $"seed {seed}: too few label customers ({before.Groups.Count}) for a meaningful check");
        }
    }

    /// <summary>Each (customer id, stock code) row with its label and feature values, keyed by codes (indexes may grow).</summary>
    private static SortedDictionary<string, string> Rows(RankerExamples e)
    {
        var w = RankerFeatures.Count;
        var rows = new SortedDictionary<string, string>();
        foreach (var g in e.Groups)
            for (var k = 0; k < g.Items.Length; k++)
                rows[e.FeatureView.CustomerIds[g.Customer] + "/" + e.FeatureView.ItemCodes[g.Items[k]]] =
                    $"{g.Bought[k]} {g.TargetCount} " + string.Join(' ', g.Rows.Skip(k * w).Take(w).Select(v => v.ToString("R")));
        return rows;
    }
}
