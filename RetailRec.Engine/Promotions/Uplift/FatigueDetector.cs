namespace RetailRec.Engine.Promotions.Uplift;

/// <summary>A customer's response to the offers they received, early against late.</summary>
public sealed record FatigueRow(string CustomerId, int Offers, double EarlyResponseRate, double LateResponseRate, bool Fatigued);

/// <summary>
/// Contact fatigue: over a customer's treated promotions in time order, the response rate of the later half falls
/// at least <c>minDrop</c> below the earlier half (with at least <c>minOffers</c> offers, so one miss proves nothing).
/// Also counts recent contacts, the input of the campaign builder's contact-frequency cap.
/// </summary>
public static class FatigueDetector
{
    public static IReadOnlyList<FatigueRow> Detect(IEnumerable<PromotionOutcome> outcomes, int minOffers = 4, double minDrop = 0.5) =>
        outcomes.Where(o => o.Entry.Treated).GroupBy(o => o.Entry.CustomerId)
            .Where(g => g.Count() >= minOffers)
            .Select(g =>
            {
                var seq = g.OrderBy(o => o.Entry.SentDate).ThenBy(o => o.Entry.PromotionId, StringComparer.Ordinal).ToArray();
                var half = seq.Length / 2;
                var early = seq.Take(half).Average(o => o.Bought ? 1.0 : 0.0);
                var late = seq.Skip(seq.Length - half).Average(o => o.Bought ? 1.0 : 0.0);
                return new FatigueRow(g.Key, seq.Length, early, late, early - late >= minDrop);
            })
            .OrderBy(r => r.CustomerId, StringComparer.Ordinal).ToArray();

    /// <summary>Treated contacts per customer in the <paramref name="days"/> before <paramref name="asOf"/>.</summary>
    public static IReadOnlyDictionary<string, int> RecentContacts(IEnumerable<PromotionLogEntry> entries, DateTime asOf, int days) =>
        entries.Where(e => e.Treated && e.SentDate < asOf && e.SentDate >= asOf.AddDays(-days))
            .GroupBy(e => e.CustomerId).ToDictionary(g => g.Key, g => g.Count());
}
