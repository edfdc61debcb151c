using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Promotions.Features;

namespace RetailRec.Engine.Promotions.Uplift;

/// <summary>Propensity features of each promotion outcome, computed as of its send date (no later data).</summary>
public sealed record UpliftRows(double[] Values, int Width, bool[] Treated, bool[] Bought, PromotionOutcome[] Outcomes)
{
    public static UpliftRows Build(RetailLog log, IReadOnlyList<PromotionOutcome> outcomes, PropensityFeatureBuilder features)
    {
        var width = features.Names.Length;
        var values = new double[outcomes.Count * width];
        var ordered = new List<PromotionOutcome>(outcomes.Count);
        // One history per send date, one feature build per (send date, product).
        foreach (var byDate in outcomes.GroupBy(o => o.Entry.SentDate).OrderBy(g => g.Key))
        {
            var history = new PurchaseHistory(log, byDate.Key);
            foreach (var byItem in byDate.GroupBy(o => o.Item).OrderBy(g => g.Key))
            {
                var rows = byItem.ToArray();
                var m = features.Build(history, byItem.Key, rows.Select(o => o.Customer).ToArray());
                for (var r = 0; r < rows.Length; r++)
                {
                    m.Row(r).CopyTo(values.AsSpan(ordered.Count * width, width));
                    ordered.Add(rows[r]);
                }
            }
        }
        return new UpliftRows(values, width, ordered.Select(o => o.Entry.Treated).ToArray(), ordered.Select(o => o.Bought).ToArray(), ordered.ToArray());
    }

    public UpliftRows Where(Func<PromotionOutcome, bool> keep)
    {
        var idx = Enumerable.Range(0, Outcomes.Length).Where(i => keep(Outcomes[i])).ToArray();
        var values = new double[idx.Length * Width];
        for (var k = 0; k < idx.Length; k++) Values.AsSpan(idx[k] * Width, Width).CopyTo(values.AsSpan(k * Width, Width));
        return new UpliftRows(values, Width, idx.Select(i => Treated[i]).ToArray(), idx.Select(i => Bought[i]).ToArray(), idx.Select(i => Outcomes[i]).ToArray());
    }

    public ReadOnlySpan<double> Row(int r) => Values.AsSpan(r * Width, Width);
}
