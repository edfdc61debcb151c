using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Engine.Recommendations.MarketBasket;

/// <summary>
/// Pairwise market-basket rules over training invoices (one basket = one invoice). Only pairs seen together in at
/// least <c>minBaskets</c> baskets are kept (rarer pairs have meaningless lift); each item keeps its best
/// <c>maxPartners</c> partners by confidence. This is the public "bought together" API (cross-sell uses it too).
/// </summary>
public sealed class AssociationRules
{
    private readonly ItemPair[][] _partners;

    private AssociationRules(ItemPair[][] partners, int basketCount) { _partners = partners; BasketCount = basketCount; }

    public int BasketCount { get; }

    /// <summary>Partners of <paramref name="item"/>, best confidence first.</summary>
    public IReadOnlyList<ItemPair> PartnersOf(int item) => item >= 0 && item < _partners.Length ? _partners[item] : [];

    /// <summary>Partners ordered by lift (what "surprisingly often together" means), keeping those above <paramref name="minLift"/>.</summary>
    public IEnumerable<ItemPair> PartnersByLift(int item, double minLift = 1) =>
        PartnersOf(item).Where(p => p.Lift > minLift).OrderByDescending(p => p.Lift);

    public static AssociationRules Mine(RetailLog train, int minBaskets = 3, int maxPartners = 50)
    {
        var n = train.ItemCount;
        var total = train.Baskets.Length;
        var basketsOf = new List<int>[n];
        for (var i = 0; i < n; i++) basketsOf[i] = [];
        // Baskets grouped by customer so "distinct customers" needs only a last-seen marker per partner.
        foreach (var b in train.Baskets.OrderBy(b => b.Customer).ThenBy(b => b.Index))
            foreach (var i in b.Items) basketsOf[i].Add(b.Index);
        var partners = new ItemPair[n][];
        Parallel.For(0, n, () => (Count: new int[n], Cust: new int[n], Last: new int[n]), (i, _, buf) =>
        {
            var (count, cust, last) = buf;
            Array.Clear(count); Array.Clear(cust); Array.Fill(last, -1);
            var touched = new List<int>();
            foreach (var bi in basketsOf[i])
            {
                var b = train.Baskets[bi];
                foreach (var j in b.Items)
                {
                    if (j == i) continue;
                    if (count[j]++ == 0) touched.Add(j);
                    if (last[j] != b.Customer) { last[j] = b.Customer; cust[j]++; }
                }
            }
            double supportI = basketsOf[i].Count;
            partners[i] = touched.Where(j => count[j] >= minBaskets)
                .Select(j => new ItemPair(i, j, count[j], cust[j], count[j] / (double)total, count[j] / supportI,
                    count[j] / supportI / (basketsOf[j].Count / (double)total)))
                .OrderByDescending(p => p.Confidence).ThenBy(p => p.Partner)
                .Take(maxPartners).ToArray();
            return buf;
        }, _ => { });
        return new AssociationRules(partners, total);
    }
}
