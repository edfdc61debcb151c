using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Engine.Promotions.Campaigns;

/// <summary>
/// Targeting by country compared with each country's share of expected buyers (sum of purchase probabilities among the
/// eligible). A country is flagged when its share of targets differs from that share by more than the ratio either way;
/// countries with fewer than 3 expected buyers are not flagged (too few to judge).
/// </summary>
internal static class CountryFairness
{
    public static FairnessRow[] Compute(RetailLog log, IReadOnlyCollection<ScoredCustomer> eligible, IReadOnlyCollection<ScoredCustomer> targeted, double ratio)
    {
        var totalExpected = eligible.Sum(s => s.Probability);
        var chosen = targeted.Select(s => s.Customer).ToHashSet();
        return eligible.GroupBy(s => log.CustomerCountries[s.Customer]).Select(g =>
            {
                var t = g.Where(s => chosen.Contains(s.Customer)).ToArray();
                var expected = g.Sum(s => s.Probability);
                var shareTargets = targeted.Count == 0 ? 0 : t.Length / (double)targeted.Count;
                var shareBuyers = totalExpected == 0 ? 0 : expected / totalExpected;
                var flagged = expected >= 3 && targeted.Count > 0 &&
                              (shareTargets > shareBuyers * ratio || shareTargets < shareBuyers / ratio);
                return new FairnessRow(g.Key, g.Count(), t.Length, t.Length / (double)g.Count(), shareTargets, shareBuyers,
                    t.Length == 0 ? 0 : t.Average(s => s.Probability), flagged);
            })
            .OrderByDescending(r => r.Eligible).ThenBy(r => r.Country, StringComparer.Ordinal).ToArray();
    }
}
