using RetailRec.Engine.Domain;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Neural;

/// <summary>Small generated logs with known structure for the sequence-model tests.</summary>
internal static class SyntheticLogs
{
    /// <summary>
    /// Every customer walks a cycle over <paramref name="items"/> items from a random start, one single-item basket per
    /// day, fewer baskets than items so the next item is never a repeat: the next item is fully determined by the last.
    /// </summary>
    public static RetailLog PlantedCycle(int customers, int items, int minBaskets, int maxBaskets, int seed)
    {
        var rng = new Random(seed);
        var records = new List<TransactionRecord>();
        var start = new DateTime(2011, 1, 1);
        for (var c = 0; c < customers; c++)
        {
            var first = rng.Next(items);
            var n = rng.Next(minBaskets, maxBaskets + 1);
            for (var b = 0; b < n; b++)
                records.Add(Records.Sale($"C{c:D4}", $"I{c:D4}-{b:D3}", $"P{(first + b) % items:D3}",
                    start.AddDays(b).AddMinutes(c).ToString("yyyy-MM-dd HH:mm:ss")));
        }
        return RetailLogBuilder.Build(records);
    }

    /// <summary>Each customer's last basket removed: the training view of a last-basket holdout, and the held-out baskets.</summary>
    public static (RetailLog Train, Dictionary<int, HashSet<int>> Test) HoldOutLastBasket(RetailLog log)
    {
        var last = log.BasketsByCustomer().Where(b => b.Length >= 2).ToDictionary(b => log.Baskets[b[^1]].Customer, b => b[^1]);
        var train = log.KeepBaskets(b => !last.TryGetValue(b.Customer, out var l) || l != b.Index);
        var test = last.ToDictionary(p => p.Key, p => log.Baskets[p.Value].Items.ToHashSet());
        return (train, test);
    }
}
