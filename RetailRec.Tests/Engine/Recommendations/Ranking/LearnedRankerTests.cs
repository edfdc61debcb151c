using RetailRec.Engine.Recommendations.Evaluation;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Recommendations.Baselines;
using RetailRec.Engine.Recommendations.Ranking;

namespace RetailRec.Tests.Engine.Recommendations.Ranking;

public class LearnedRankerTests
{
    // Small generated logs: smaller leaves than the real-data default, a 14-day label window.
    private static readonly RankerOptions Small = new() { WindowDays = 14, MinRowsPerLeaf = 10, PoolSize = 40, RepeatCandidates = 35 };

    private static (RetailLog Train, LearnedRanker Ranker) Fit(int seed, int customers, int days, RankerOptions options, int? deadAfterDay = null)
    {
        var train = RankerLogs.Build(RankerLogs.Cycle(seed, customers, days, deadAfterDay: deadAfterDay));
        var ranker = new LearnedRanker(options);
        ranker.Fit(train, null, default);
        return (train, ranker);
    }

    private static int[] Top(LearnedRanker ranker, RetailLog log, int customer, int k)
    {
        var scores = new float[log.ItemCount];
        ranker.Score(customer, scores);
        return TopK.Select(scores, k);
    }

    [Fact]
    public void A_fixed_cycle_item_is_ranked_first_exactly_when_it_is_due()
    {
        const int cycle = 28, days = 300;
        var (log, ranker) = Fit(seed: 5, customers: 200, days, Small);
        var cyc = log.ItemIndexOf("CYC")!.Value;
        var asOf = log.DefaultAnalysisDate;
        var checkedDue = 0; var checkedNotDue = 0;
        for (var c = 0; c < log.CustomerCount; c++)
        {
            var last = log.Baskets.Where(b => b.Customer == c && b.Items.Contains(cyc)).Max(b => b.Time);
            var next = last.AddDays(cycle);
            // Due = the next cycle purchase falls in the next 14 days. Customers within 2 days of that edge are
            // skipped: the label window's edge is itself that fuzzy (invoice hours, the day after the last invoice).
            var daysToNext = (next - asOf).TotalDays;
            if (Math.Abs(daysToNext - Small.WindowDays) < 2 || Math.Abs(daysToNext) < 2) continue;
            var due = daysToNext < Small.WindowDays;
            var first = Top(ranker, log, c, 1)[0] == cyc;
            Assert.True(first == due, $"customer {log.CustomerIds[c]}: next CYC in {daysToNext:0.0} days, due={due}, ranked first={first}");
            if (due) checkedDue++; else checkedNotDue++;
        }
        Assert.True(checkedDue > 40 && checkedNotDue > 40, $"too few customers checked ({checkedDue} due, {checkedNotDue} not due)");
        Assert.StartsWith("due again: you buy this about every 4 weeks", ranker.Explain(
            Enumerable.Range(0, log.CustomerCount).First(c => Top(ranker, log, c, 1)[0] == cyc), cyc));
    }

    [Fact]
    public void Items_nobody_has_bought_for_weeks_fall_down_the_list()
    {
        // DEAD was in most of everyone's baskets until 8 weeks before the end, then nobody bought it again.
        const int days = 240;
        var (log, ranker) = Fit(seed: 11, customers: 150, days, Small, deadAfterDay: days - 56);
        var dead = log.ItemIndexOf("DEAD")!.Value;
        var frequency = new PersonalFrequencyRecommender(365);
        frequency.Fit(log, null, default);
        int frequencyTop3 = 0, rankerTop10 = 0, buyers = 0;
        for (var c = 0; c < log.CustomerCount; c++)
        {
            if (!log.Baskets.Any(b => b.Customer == c && b.Items.Contains(dead))) continue;
            buyers++;
            var f = new float[log.ItemCount];
            frequency.Score(c, f);
            if (TopK.Select(f, 3).Contains(dead)) frequencyTop3++;
            if (Top(ranker, log, c, 10).Contains(dead)) rankerTop10++;
        }
        // "Buy again" still puts the dead favourite near the top; the ranker keeps it out of every top 10.
        Assert.True(frequencyTop3 > buyers / 2, $"fixture: personal frequency has DEAD in the top 3 of only {frequencyTop3} of {buyers}");
        Assert.Equal(0, rankerTop10);
    }

    [Fact]
    public void The_same_seed_gives_the_same_scores_and_a_saved_model_loads_back_to_identical_scores()
    {
        var (log, first) = Fit(seed: 3, customers: 80, days: 200, Small);
        var (_, second) = Fit(seed: 3, customers: 80, days: 200, Small);
        using var stream = new MemoryStream();
        first.Save(stream);
        stream.Position = 0;
        using var loaded = LearnedRanker.Load(log, stream, Small);
        var a = new float[log.ItemCount]; var b = new float[log.ItemCount]; var c = new float[log.ItemCount];
        for (var customer = 0; customer < log.CustomerCount; customer++)
        {
            first.Score(customer, a);
            second.Score(customer, b);
            loaded.Score(customer, c);
            Assert.Equal(a, b);
            Assert.Equal(a, c);
        }
        Assert.Equal(first.Report!.Chosen, second.Report!.Chosen);
        Assert.Equal(first.Report.HoldoutNdcg10, second.Report.HoldoutNdcg10);
        first.Dispose(); second.Dispose();
    }
}
