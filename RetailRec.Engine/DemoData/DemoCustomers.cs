namespace RetailRec.Engine.DemoData;

/// <summary>Customer value tier. Churned customers buy like regulars, then stop months before the end.</summary>
public enum DemoTier { Frequent, Regular, Occasional, Churned }

/// <summary>
/// One generated customer. <see cref="Favourites"/> are products re-bought often (repeat purchases);
/// <see cref="PreferredHour"/> and <see cref="PreferredDay"/> shape when their invoices happen.
/// </summary>
public sealed record DemoCustomer(
    int Index, string CustomerId, string Country, DemoTier Tier, DateTime FirstActive, DateTime LastActive,
    double BasketsPerDay, int[] Favourites, int[] FavouriteThemes, int PreferredHour, DayOfWeek PreferredDay);

internal static class DemoCustomers
{
    // Share of customers and baskets per 30 days for each tier.
    private static readonly (DemoTier Tier, double Share, double PerMonth)[] Tiers =
    [
        (DemoTier.Frequent, 0.10, 2.5), (DemoTier.Regular, 0.25, 0.8), (DemoTier.Occasional, 0.40, 0.15), (DemoTier.Churned, 0.25, 0.8),
    ];

    public static double BasketSizeFactor(DemoTier tier) => tier switch
    {
        DemoTier.Frequent => 1.3, DemoTier.Occasional => 0.7, DemoTier.Churned => 0.9, _ => 1.0,
    };

    public static DemoCustomer[] Build(DemoDataOptions o, DemoProduct[] products, DemoTheme[] themes, ProductSampler sampler, Random rng)
    {
        var count = (int)Math.Max(50, o.TargetLines / o.LinesPerCustomer);
        // Ids like the real 5-digit ones, unique and not in index order.
        var ids = Enumerable.Range(12346, count * 2).ToArray();
        rng.Shuffle(ids);
        var span = (o.End - o.Start).TotalDays;
        var churnLatest = o.End.AddDays(-o.ChurnQuietDays - 15); // cancellations trail a purchase by <= 14 days
        var customers = new DemoCustomer[count];

        for (var i = 0; i < count; i++)
        {
            var tier = PickTier(rng.NextDouble());
            var perMonth = Tiers.First(t => t.Tier == tier).PerMonth * Math.Exp(rng.NextGaussian() * 0.4);
            DateTime first, last;
            if (tier == DemoTier.Churned)
            {
                first = o.Start.AddDays(Math.Floor(rng.NextDouble() * 240));
                var lastSpan = (churnLatest - first).TotalDays - 120;
                last = first.AddDays(120 + Math.Floor(rng.NextDouble() * Math.Max(1, lastSpan)));
            }
            else
            {
                // Growth: almost half were customers already at the start, the rest join over time.
                first = rng.NextDouble() < 0.45 ? o.Start : o.Start.AddDays(Math.Floor(rng.NextDouble() * (span - 60)));
                last = o.End;
            }

            var favourites = new HashSet<int>();
            var wanted = rng.Next(4, 16);
            // Half by popularity, half from the whole range: tastes differ, and niche items get loyal re-buyers too.
            for (var k = 0; k < wanted * 3 && favourites.Count < wanted; k++)
                favourites.Add(rng.NextDouble() < 0.5 ? sampler.ByPopularity(rng) : rng.Next(products.Length));
            var favouriteThemes = Enumerable.Range(0, rng.Next(1, 4)).Select(_ => products[sampler.ByPopularity(rng)].Theme).Distinct().ToArray();

            customers[i] = new DemoCustomer(i, ids[i].ToString(System.Globalization.CultureInfo.InvariantCulture), PickCountry(rng.NextDouble()), tier,
                first, last, perMonth / 30.0, favourites.ToArray(), favouriteThemes,
                Math.Clamp((int)Math.Round(11 + rng.NextGaussian() * 2.5), 7, 19), (DayOfWeek)rng.Next(0, 6)); // Sunday..Friday: no Saturday trading
        }
        return customers;
    }

    private static DemoTier PickTier(double u)
    {
        foreach (var (tier, share, _) in Tiers)
        {
            if (u < share) return tier;
            u -= share;
        }
        return DemoTier.Occasional;
    }

    private static string PickCountry(double u)
    {
        var total = DemoWordLists.Countries.Sum(c => c.Share);
        u *= total;
        foreach (var (name, share) in DemoWordLists.Countries)
        {
            if (u < share) return name;
            u -= share;
        }
        return DemoWordLists.Countries[0].Name;
    }
}
