using RetailRec.Engine.Recommendations.Evaluation.Splits;
using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Engine.Recommendations.Ranking;

/// <summary>One label customer's whole candidate pool (row-major features), which candidates were bought, and how many targets there were.</summary>
public sealed record RankerGroup(int Customer, int[] Items, float[] Rows, bool[] Bought, int TargetCount);

/// <summary>
/// The ranker's labelled data for a training view that ends at <c>cutoff</c>: features from the baskets before the
/// label window (<see cref="FeatureDate"/>), labels = the items each customer bought in the window (the last
/// <see cref="RankerOptions.WindowDays"/> days before the cutoff, or each customer's last basket). This is exactly the
/// validation data the other models tune on; nothing at or after <c>cutoff</c> is read.
/// </summary>
public sealed record RankerExamples(IReadOnlyList<RankerGroup> Groups, DateTime FeatureDate, RetailLog FeatureView, double CandidateRecall)
{
    public static RankerExamples Build(RetailLog log, DateTime cutoff, RankerOptions o, CancellationToken ct = default)
    {
        var view = log.Before(cutoff);
        RetailLog featureView;
        DateTime featureDate;
        IReadOnlyList<EvalCase> cases;
        if (o.Labels == RankerLabels.Window)
        {
            featureDate = cutoff.AddDays(-o.WindowDays);
            featureView = view.Before(featureDate);
            var targets = view.Baskets.Where(b => b.Time >= featureDate).GroupBy(b => b.Customer).OrderBy(g => g.Key)
                .Select(g => (g.Key, g.SelectMany(b => b.Items)));
            cases = NextBasketSplit.MakeCases(featureView, targets).Cases;
        }
        else
        {
            var split = LeaveLastBasketSplit.Test(view);
            featureView = split.Train;
            featureDate = featureView.DefaultAnalysisDate;
            cases = split.Cases;
        }
        var context = new RankerFeatureContext(featureView, featureDate);
        var pool = new CandidatePool(featureView, context, o, ct);
        var groups = new RankerGroup[cases.Count];
        Parallel.For(0, cases.Count, new ParallelOptions { CancellationToken = ct }, k =>
        {
            var c = cases[k];
            var candidates = pool.For(c.Customer);
            var targets = c.Targets.ToHashSet();
            groups[k] = new RankerGroup(c.Customer, candidates.Items, RankerRows.Build(context, candidates),
                candidates.Items.Select(targets.Contains).ToArray(), c.Targets.Length);
        });
        var found = groups.Sum(g => g.Bought.Count(b => b));
        var total = groups.Sum(g => g.TargetCount);
        return new RankerExamples(groups, featureDate, featureView, total == 0 ? 0 : (double)found / total);
    }
}

internal static class RankerRows
{
    /// <summary>Every candidate's feature row, concatenated in candidate order.</summary>
    public static float[] Build(RankerFeatureContext context, Candidates candidates)
    {
        var w = RankerFeatures.Count;
        var rows = new float[candidates.Items.Length * w];
        for (var k = 0; k < candidates.Items.Length; k++)
        {
            var row = rows.AsSpan(k * w, w);
            context.Fill(candidates.Customer, candidates.Items[k], row);
            CandidatePool.FillSources(candidates, k, row);
        }
        return rows;
    }
}
