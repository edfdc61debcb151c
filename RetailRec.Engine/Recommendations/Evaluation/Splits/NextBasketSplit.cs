using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Engine.Recommendations.Evaluation.Splits;

/// <summary>One customer to evaluate: the distinct items to predict (only items seen in training: no model can rank others).</summary>
public sealed record EvalCase(int Customer, int[] Targets);

/// <summary>
/// A leak-free next-basket split: models are fitted on <see cref="Train"/> and asked for each <see cref="Cases"/> customer.
/// <see cref="Kind"/> is "T" (temporal) or "L" (leave-last-basket-out); <see cref="Part"/> is "test" or "val".
/// <see cref="DroppedTargets"/> counts target items never sold in training (removed from targets, see docs/EVALUATION.md).
/// </summary>
public sealed record NextBasketSplit(string Kind, string Part, RetailLog Train, IReadOnlyList<EvalCase> Cases, int DroppedTargets)
{
    public string Name => $"{Kind}-{Part}";

    internal static (List<EvalCase> Cases, int Dropped) MakeCases(RetailLog train, IEnumerable<(int Customer, IEnumerable<int> Items)> targets)
    {
        var seen = Recommendations.Common.TrainingCatalogue.SeenItems(train);
        var hasHistory = new bool[train.CustomerCount];
        foreach (var b in train.Baskets) hasHistory[b.Customer] = true;
        var cases = new List<EvalCase>();
        var dropped = 0;
        foreach (var (c, items) in targets)
        {
            if (!hasHistory[c]) continue; // cold customers are reported by no split: every model reduces to popularity there
            var distinct = items.Distinct().ToArray();
            var kept = distinct.Where(i => seen[i]).OrderBy(i => i).ToArray();
            dropped += distinct.Length - kept.Length;
            if (kept.Length > 0) cases.Add(new EvalCase(c, kept));
        }
        return (cases, dropped);
    }
}
