using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Engine.Promotions.Uplift;

/// <summary>A log entry matched to the dataset, with its outcome: did the customer buy the product within the horizon.</summary>
public sealed record PromotionOutcome(PromotionLogEntry Entry, int Customer, int Item, bool Bought);

public static class PromotionOutcomes
{
    /// <summary>
    /// Derives outcomes from the transactions: bought = a basket with the product in [SentDate, SentDate + horizon).
    /// Entries whose customer or product is unknown, or whose horizon is not over by <paramref name="asOf"/>, are left out
    /// (an unfinished horizon would count late buyers as non-buyers).
    /// </summary>
    public static IReadOnlyList<PromotionOutcome> Derive(RetailLog log, IEnumerable<PromotionLogEntry> entries, int horizonDays, DateTime? asOf = null)
    {
        var limit = asOf ?? log.DefaultAnalysisDate;
        var times = new Dictionary<(int, int), List<DateTime>>();
        foreach (var b in log.Baskets)
            foreach (var i in b.Items)
            {
                if (!times.TryGetValue((b.Customer, i), out var list)) times[(b.Customer, i)] = list = [];
                list.Add(b.Time);
            }
        var result = new List<PromotionOutcome>();
        foreach (var e in entries)
        {
            if (e.SentDate.AddDays(horizonDays) > limit) continue;
            if (log.CustomerIndexOf(e.CustomerId) is not { } c || log.ItemIndexOf(e.StockCode) is not { } i) continue;
            var end = e.SentDate.AddDays(horizonDays);
            var bought = times.TryGetValue((c, i), out var list) && list.Any(t => t >= e.SentDate && t < end);
            result.Add(new PromotionOutcome(e, c, i, bought));
        }
        return result;
    }
}
