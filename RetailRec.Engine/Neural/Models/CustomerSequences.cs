using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Engine.Neural.Models;

/// <summary>A customer's chronological items: baskets in time order, items in basket (file) order.</summary>
public sealed record CustomerSequence(int Customer, int[][] Baskets)
{
    public int ItemCount => Baskets.Sum(b => b.Length);
}

/// <summary>
/// The data a sequence model trains and validates on, derived from a training view only. For each customer with
/// at least 3 baskets the last basket is held out as the validation target (the evaluation's split L uses the same
/// rule one basket later), and the rest is the fitting sequence; other customers train on all their baskets.
/// </summary>
public sealed class CustomerSequences
{
    public required CustomerSequence[] Fitting { get; init; }      // per customer (may be empty)
    public required CustomerSequence[] Full { get; init; }         // per customer: whole training view, used for scoring
    public required int[] ValidationCustomers { get; init; }
    public required int[][] ValidationTargets { get; init; }       // distinct items of the held-out basket

    public static CustomerSequences Build(RetailLog train, int minBasketsForValidation = 3)
    {
        var byCustomer = train.BasketsByCustomer();
        var full = new CustomerSequence[train.CustomerCount];
        var fitting = new CustomerSequence[train.CustomerCount];
        var valCustomers = new List<int>();
        var valTargets = new List<int[]>();
        for (var c = 0; c < full.Length; c++)
        {
            var baskets = byCustomer[c].Select(b => train.Baskets[b].Items).ToArray();
            full[c] = new CustomerSequence(c, baskets);
            if (baskets.Length >= minBasketsForValidation)
            {
                fitting[c] = new CustomerSequence(c, baskets[..^1]);
                valCustomers.Add(c);
                valTargets.Add(baskets[^1].Distinct().ToArray());
            }
            else fitting[c] = full[c];
        }
        return new CustomerSequences { Fitting = fitting, Full = full, ValidationCustomers = [.. valCustomers], ValidationTargets = [.. valTargets] };
    }
}
