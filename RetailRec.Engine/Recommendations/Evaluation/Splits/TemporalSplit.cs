using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Engine.Recommendations.Evaluation.Splits;

/// <summary>
/// Split T: the last <c>holdoutDays</c> are held out. Train = every basket strictly before the cutoff
/// (<see cref="RetailLogViews.Before"/>); targets = each customer's distinct items at or after the cutoff.
/// Validation applies the same rule inside the training view, so tuning never sees a test target.
/// </summary>
public static class TemporalSplit
{
    public const int DefaultHoldoutDays = 30;

    public static NextBasketSplit Test(RetailLog log, int holdoutDays = DefaultHoldoutDays) =>
        Create(log, Cutoff(log, holdoutDays), "test");

    /// <summary>The <c>holdoutDays</c> right before the test cutoff are the validation targets; training ends before them.</summary>
    public static NextBasketSplit Validation(RetailLog log, int holdoutDays = DefaultHoldoutDays)
    {
        var cutoff = Cutoff(log, holdoutDays);
        return Create(log.Before(cutoff), cutoff.AddDays(-holdoutDays), "val");
    }

    /// <summary>Cutoff = start of the day <c>holdoutDays</c> before the day after the last invoice.</summary>
    public static DateTime Cutoff(RetailLog log, int holdoutDays) => log.DefaultAnalysisDate.AddDays(-holdoutDays);

    private static NextBasketSplit Create(RetailLog log, DateTime cutoff, string part)
    {
        var train = log.Before(cutoff);
        var targets = log.Baskets.Where(b => b.Time >= cutoff)
            .GroupBy(b => b.Customer)
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, g.SelectMany(b => b.Items)));
        var (cases, dropped) = NextBasketSplit.MakeCases(train, targets);
        return new NextBasketSplit("T", part, train, cases, dropped);
    }
}
