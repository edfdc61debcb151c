using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Engine.Promotions.Features;

/// <summary>Who bought what in a time window [From, To): the labels of training and of backtests.</summary>
public sealed class PurchaseWindow
{
    private readonly Dictionary<int, HashSet<int>> _buyers = [];

    public DateTime From { get; }
    public DateTime To { get; }

    public PurchaseWindow(RetailLog log, DateTime from, DateTime to)
    {
        From = from; To = to;
        foreach (var b in log.Baskets)
        {
            if (b.Time < from || b.Time >= to) continue;
            foreach (var i in b.Items)
            {
                if (!_buyers.TryGetValue(i, out var set)) _buyers[i] = set = [];
                set.Add(b.Customer);
            }
        }
    }

    public IReadOnlySet<int> Buyers(int item) => _buyers.TryGetValue(item, out var s) ? s : EmptySet;

    public byte[] Labels(int item, int[] customers)
    {
        var buyers = Buyers(item);
        return customers.Select(c => buyers.Contains(c) ? (byte)1 : (byte)0).ToArray();
    }

    private static readonly HashSet<int> EmptySet = [];
}
