using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Engine.Promotions.Campaigns;

/// <summary>Price and quantity habits of a few products before the cutoff: the units a purchase is expected to hold.</summary>
internal sealed class ProductStats
{
    private readonly Dictionary<int, double> _price = [];
    private readonly Dictionary<int, double> _typicalUnits = [];
    private readonly Dictionary<(int Customer, int Item), double> _customerUnits = [];

    public ProductStats(RetailLog log, IReadOnlyCollection<int> items, DateTime cutoff)
    {
        var wanted = items.ToHashSet();
        var quantities = items.ToDictionary(i => i, _ => new List<int>());
        var revenue = items.ToDictionary(i => i, _ => 0.0);
        var sums = new Dictionary<(int, int), (long Units, int Lines)>();
        foreach (var l in log.Lines)
        {
            if (l.Time >= cutoff || !wanted.Contains(l.Item)) continue;
            quantities[l.Item].Add(l.Quantity);
            revenue[l.Item] += l.Revenue;
            var s = sums.GetValueOrDefault((l.Customer, l.Item));
            sums[(l.Customer, l.Item)] = (s.Units + l.Quantity, s.Lines + 1);
        }
        foreach (var i in items)
        {
            var q = quantities[i];
            q.Sort();
            _typicalUnits[i] = q.Count == 0 ? 1 : q[q.Count / 2];
            _price[i] = q.Count == 0 ? 0 : revenue[i] / q.Sum(x => (double)x); // unit price weighted by units
        }
        foreach (var (key, s) in sums) _customerUnits[key] = s.Units / (double)s.Lines;
    }

    public double Price(int item) => _price[item];

    /// <summary>The customer's own average units per purchase of the item, or the item's median line quantity.</summary>
    public double Units(int customer, int item) => _customerUnits.TryGetValue((customer, item), out var u) ? u : _typicalUnits[item];
}
