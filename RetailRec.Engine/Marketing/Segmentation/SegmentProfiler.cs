using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Engine.Marketing.Segmentation;

/// <summary>Profiles and top items of the segments of one scheme (grid, marketing or cluster).</summary>
public static class SegmentProfiler
{
    public static IReadOnlyList<SegmentProfile> Profiles(string scheme, IReadOnlyList<CustomerFeatures> customers,
        IReadOnlyList<string> segmentOfRow, IReadOnlyList<string> segmentOrder, IReadOnlyDictionary<string, string>? actions = null)
    {
        var totalRevenue = customers.Sum(c => c.Monetary);
        var result = new List<SegmentProfile>();
        var names = segmentOrder.Concat(segmentOfRow.Distinct().Where(s => !segmentOrder.Contains(s)).Order(StringComparer.Ordinal));
        foreach (var segment in names)
        {
            var rows = Enumerable.Range(0, customers.Count).Where(i => segmentOfRow[i] == segment).Select(i => customers[i]).ToList();
            if (rows.Count == 0) continue;
            var revenue = rows.Sum(c => c.Monetary);
            result.Add(new SegmentProfile(scheme, segment, rows.Count, rows.Count / (double)customers.Count, revenue,
                totalRevenue != 0 ? revenue / totalRevenue : 0,
                rows.Average(c => c.RecencyDays), rows.Average(c => c.Frequency), rows.Average(c => c.Monetary),
                SegmentActions.For(segment, actions)));
        }
        return result;
    }

    /// <summary>Top <paramref name="topN"/> items per segment over valid lines before the analysis date.</summary>
    public static IReadOnlyList<SegmentTopItem> TopItems(string scheme, RetailLog log, DateTime analysisDate,
        IReadOnlyDictionary<int, string> segmentOfCustomer, int topN)
    {
        // Aggregate per (customer, item) first so distinct buyers are counted once per segment.
        var pairs = new Dictionary<(int C, int I), (long Units, double Revenue)>();
        foreach (var l in log.Lines)
        {
            if (l.Time >= analysisDate || !segmentOfCustomer.ContainsKey(l.Customer)) continue;
            pairs.TryGetValue((l.Customer, l.Item), out var agg);
            pairs[(l.Customer, l.Item)] = (agg.Units + l.Quantity, agg.Revenue + l.Revenue);
        }
        var perSegment = new Dictionary<string, Dictionary<int, (int Buyers, long Units, double Revenue)>>();
        foreach (var ((c, i), agg) in pairs)
        {
            var seg = segmentOfCustomer[c];
            if (!perSegment.TryGetValue(seg, out var items)) perSegment[seg] = items = [];
            items.TryGetValue(i, out var s);
            items[i] = (s.Buyers + 1, s.Units + agg.Units, s.Revenue + agg.Revenue);
        }
        var result = new List<SegmentTopItem>();
        foreach (var (seg, items) in perSegment.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var rank = 0;
            foreach (var (item, s) in items.OrderByDescending(p => p.Value.Buyers).ThenByDescending(p => p.Value.Units).ThenBy(p => p.Key).Take(topN))
                result.Add(new SegmentTopItem(scheme, seg, ++rank, item, log.ItemCodes[item], log.ItemDescriptions[item], s.Buyers, s.Units, s.Revenue));
        }
        return result;
    }
}
