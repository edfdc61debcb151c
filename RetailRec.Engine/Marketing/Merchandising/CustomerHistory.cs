using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Engine.Marketing.Merchandising;

/// <summary>
/// What each customer already buys, before the analysis date: items ordered by the number of baskets that held
/// them, then by the latest purchase, then by item index. This is the "familiarity" source of strategies.
/// </summary>
public sealed class CustomerHistory
{
    private readonly int[][] _familiar;
    private readonly HashSet<int>[] _bought;

    private CustomerHistory(int[][] familiar)
    {
        _familiar = familiar;
        _bought = familiar.Select(f => f.ToHashSet()).ToArray();
    }

    public IReadOnlyList<int> Familiar(int customer) => _familiar[customer];
    public IReadOnlySet<int> Bought(int customer) => _bought[customer];

    public static CustomerHistory Build(RetailLog log, DateTime analysisDate)
    {
        var stats = new Dictionary<int, (int Baskets, DateTime Last)>[log.CustomerCount];
        foreach (var b in log.Baskets)
        {
            if (b.Time >= analysisDate) continue;
            var row = stats[b.Customer] ??= [];
            foreach (var i in b.Items)
            {
                var s = row.GetValueOrDefault(i);
                row[i] = (s.Baskets + 1, b.Time > s.Last ? b.Time : s.Last);
            }
        }
        var familiar = stats.Select(row => row is null ? [] : row
            .OrderByDescending(p => p.Value.Baskets).ThenByDescending(p => p.Value.Last).ThenBy(p => p.Key)
            .Select(p => p.Key).ToArray()).ToArray();
        return new CustomerHistory(familiar);
    }
}
