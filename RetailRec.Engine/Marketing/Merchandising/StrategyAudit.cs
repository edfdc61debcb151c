namespace RetailRec.Engine.Marketing.Merchandising;

/// <summary>
/// One row of strategy_sellthrough_mix: what a strategy actually recommended against its intended band.
/// SlowShare counts slow and dead items (the band's definition). Drift = the share left the band, or dead items
/// appeared where not allowed. Delta* compare with the previous audit's row of the same strategy (null if none).
/// </summary>
public sealed record StrategyAuditRow(string Strategy, string Segment, int Customers, int Slots, int FastItems, int SlowItems,
    int DeadItems, double FastShare, double SlowShare, double DeadShare, double MinSlowShare, double MaxSlowShare, bool AllowDead,
    int ListsOutOfBand, int ShortLists, bool Drift, double? DeltaFastShare, double? DeltaSlowShare, double? DeltaDeadShare);

public static class StrategyAudit
{
    private const double Tolerance = 1e-9;

    public static IReadOnlyList<StrategyAuditRow> Run(IReadOnlyList<UserStrategyItem> items, IReadOnlyList<MerchandisingStrategy> strategies,
        IReadOnlyList<StrategyAuditRow>? previous = null)
    {
        var rows = new List<StrategyAuditRow>();
        foreach (var group in items.GroupBy(i => i.Strategy).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var strategy = strategies.FirstOrDefault(s => s.Name == group.Key)
                ?? throw new ArgumentException($"no strategy named '{group.Key}' was given to the audit");
            int fast = 0, slowOnly = 0, dead = 0, outOfBand = 0, shortLists = 0;
            var lists = group.GroupBy(i => i.Customer).ToList();
            foreach (var list in lists)
            {
                var n = list.Count();
                var s = list.Count(i => i.Class != StockClass.Fast);
                var (min, max) = SlowBand.For(strategy, n);
                if (s < min || s > max) outOfBand++;
                if (n < strategy.ListLength) shortLists++;
                fast += list.Count(i => i.Class == StockClass.Fast);
                slowOnly += list.Count(i => i.Class == StockClass.Slow);
                dead += list.Count(i => i.Class == StockClass.Dead);
            }
            var slots = fast + slowOnly + dead;
            double Share(int c) => slots == 0 ? 0 : c / (double)slots;
            var slowShare = Share(slowOnly + dead);
            var drift = slowShare < strategy.MinSlowShare - Tolerance || slowShare > strategy.MaxSlowShare + Tolerance
                        || (!strategy.AllowDead && dead > 0);
            var prev = previous?.FirstOrDefault(p => p.Strategy == group.Key);
            rows.Add(new StrategyAuditRow(group.Key, strategy.Segment, lists.Count, slots, fast, slowOnly, dead,
                Share(fast), slowShare, Share(dead), strategy.MinSlowShare, strategy.MaxSlowShare, strategy.AllowDead,
                outOfBand, shortLists, drift,
                prev is null ? null : Share(fast) - prev.FastShare,
                prev is null ? null : slowShare - prev.SlowShare,
                prev is null ? null : Share(dead) - prev.DeadShare));
        }
        return rows;
    }
}
