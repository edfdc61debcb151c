using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Engine.Promotions.Features;

/// <summary>What one customer did with one item before the cutoff: baskets containing it, first and last time.</summary>
public readonly record struct BuyerStat(int Customer, int Baskets, DateTime First, DateTime Last);

/// <summary>
/// Everything the propensity features need, aggregated from baskets strictly before <see cref="Cutoff"/> and
/// nothing after it: the one place where the "no future information" rule is enforced (see PropensityFeatureTests).
/// Indexes are the log's dense customer and item indexes.
/// </summary>
public sealed class PurchaseHistory
{
    public RetailLog Log { get; }
    public DateTime Cutoff { get; }
    public int[] CustomerBaskets { get; }
    public DateTime[] CustomerFirst { get; }
    public DateTime[] CustomerLast { get; }
    public double[] CustomerSpend { get; }
    public int[] CustomerRecentBaskets { get; }   // in the 90 days before the cutoff
    public int[][] CustomerItems { get; }          // distinct items, ascending
    public BuyerStat[][] ItemBuyers { get; }       // per item, ascending customer
    public int[] ItemBasketCount { get; }
    public int[] ItemBuyersRecent { get; }         // distinct buyers in the 90 days before the cutoff
    public int[] ItemBuyersPrevious { get; }       // distinct buyers 180..90 days before the cutoff
    public int[][] ItemBaskets { get; }            // indexes into Log.Baskets of baskets holding the item
    public int BasketCount { get; }

    public PurchaseHistory(RetailLog log, DateTime cutoff)
    {
        Log = log;
        Cutoff = cutoff;
        int nc = log.CustomerCount, ni = log.ItemCount;
        CustomerBaskets = new int[nc];
        CustomerFirst = new DateTime[nc];
        CustomerLast = new DateTime[nc];
        CustomerSpend = new double[nc];
        CustomerRecentBaskets = new int[nc];
        ItemBasketCount = new int[ni];
        var recentFrom = cutoff.AddDays(-90);
        var previousFrom = cutoff.AddDays(-180);

        // Group the baskets before the cutoff by customer (counting sort keeps time order within a customer).
        var start = new int[nc + 1];
        foreach (var b in log.Baskets) if (b.Time < cutoff) start[b.Customer + 1]++;
        for (var c = 0; c < nc; c++) start[c + 1] += start[c];
        var grouped = new int[start[nc]];
        var fill = (int[])start.Clone();
        var itemBasketLists = new List<int>?[ni];
        foreach (var b in log.Baskets)
        {
            if (b.Time >= cutoff) continue; // a view may not be time-ordered: filter, never break
            grouped[fill[b.Customer]++] = b.Index;
            BasketCount++;
            foreach (var i in b.Items) { ItemBasketCount[i]++; (itemBasketLists[i] ??= []).Add(b.Index); }
        }

        // One customer at a time, a stamp per item says whether this customer's stat for it already exists,
        // so (customer, item) pairs aggregate in O(lines) without a dictionary.
        var stamp = new int[ni];
        Array.Fill(stamp, -1);
        var slot = new int[ni];
        var byItem = new List<BuyerStat>?[ni];
        var recentSeen = new int[ni];
        var previousSeen = new int[ni];
        Array.Fill(recentSeen, -1);
        Array.Fill(previousSeen, -1);
        ItemBuyersRecent = new int[ni];
        ItemBuyersPrevious = new int[ni];
        CustomerItems = new int[nc][];
        var items = new List<int>();
        for (var c = 0; c < nc; c++)
        {
            items.Clear();
            for (var k = start[c]; k < start[c + 1]; k++)
            {
                var b = log.Baskets[grouped[k]];
                if (CustomerBaskets[c]++ == 0 || b.Time < CustomerFirst[c]) CustomerFirst[c] = b.Time;
                if (b.Time > CustomerLast[c]) CustomerLast[c] = b.Time;
                CustomerSpend[c] += b.Value;
                if (b.Time >= recentFrom) CustomerRecentBaskets[c]++;
                foreach (var i in b.Items)
                {
                    var list = byItem[i] ??= [];
                    if (stamp[i] != c)
                    {
                        stamp[i] = c;
                        slot[i] = list.Count;
                        list.Add(new BuyerStat(c, 1, b.Time, b.Time));
                        items.Add(i);
                    }
                    else
                    {
                        var s = list[slot[i]];
                        list[slot[i]] = s with
                        {
                            Baskets = s.Baskets + 1,
                            First = b.Time < s.First ? b.Time : s.First,
                            Last = b.Time > s.Last ? b.Time : s.Last,
                        };
                    }
                    if (b.Time >= recentFrom) { if (recentSeen[i] != c) { recentSeen[i] = c; ItemBuyersRecent[i]++; } }
                    else if (b.Time >= previousFrom && previousSeen[i] != c) { previousSeen[i] = c; ItemBuyersPrevious[i]++; }
                }
            }
            items.Sort();
            CustomerItems[c] = items.ToArray();
        }
        ItemBuyers = byItem.Select(l => l?.ToArray() ?? []).ToArray();
        ItemBaskets = itemBasketLists.Select(l => l?.ToArray() ?? []).ToArray();
    }

    /// <summary>Customers with at least one purchase before the cutoff: the population that can be scored.</summary>
    public int[] ActiveCustomers() => Enumerable.Range(0, CustomerBaskets.Length).Where(c => CustomerBaskets[c] > 0).ToArray();
}
