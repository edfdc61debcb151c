using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Engine.Recommendations.Evaluation.Splits;

/// <summary>
/// Split L: for every customer with at least two baskets, the last basket is the target and is removed from training
/// (all other baskets, of everyone, stay). Validation applies the same rule to that training view: the basket before
/// the last becomes the target and is removed too, so tuning never sees either target basket.
/// </summary>
public static class LeaveLastBasketSplit
{
    public static NextBasketSplit Test(RetailLog log) => Create(log, "test");

    public static NextBasketSplit Validation(RetailLog log) => Create(Test(log).Train, "val");

    private static NextBasketSplit Create(RetailLog log, string part)
    {
        var byCustomer = log.BasketsByCustomer();
        var isTarget = new bool[log.Baskets.Length];
        foreach (var baskets in byCustomer)
            if (baskets.Length >= 2) isTarget[baskets[^1]] = true;
        var train = log.KeepBaskets(b => !isTarget[b.Index]);
        var targets = byCustomer.Select((baskets, c) => (c, baskets))
            .Where(t => t.baskets.Length >= 2)
            .Select(t => (t.c, (IEnumerable<int>)log.Baskets[t.baskets[^1]].Items));
        var (cases, dropped) = NextBasketSplit.MakeCases(train, targets);
        return new NextBasketSplit("L", part, train, cases, dropped);
    }
}
