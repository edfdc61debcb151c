namespace RetailRec.Engine.DemoData;

/// <summary>One generated product. <see cref="DeadFrom"/> set means no sales from that day on (a dead item).</summary>
public sealed record DemoProduct(
    int Index, string StockCode, string Description, double Price, int Pack, int Theme,
    double Popularity, DateTime Launch, DateTime? DeadFrom, bool Christmas)
{
    public bool IsOnSale(DateTime day) => day >= Launch && (DeadFrom is null || day < DeadFrom.Value);
}

/// <summary>A group of products sharing colour and pattern: the planted basket affinity ("lantern set with candles").</summary>
public sealed record DemoTheme(int Index, string Name, int[] Products);

/// <summary>Builds the gift-shop catalogue: themes, stock codes like the real ones, launches, slow and dead items.</summary>
internal static class DemoCatalog
{
    public static (DemoProduct[] Products, DemoTheme[] Themes) Build(DemoDataOptions o, Random rng)
    {
        var productCount = (int)Math.Clamp(o.TargetLines / o.LinesPerProduct, 150, 4000);
        var combos = (from c in DemoWordLists.Colours from p in DemoWordLists.Patterns select (c, p)).ToArray();
        rng.Shuffle(combos);
        var usedObjects = combos.ToDictionary(x => x, _ => new HashSet<int>());
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var products = new List<DemoProduct>();
        var themes = new List<DemoTheme>();
        var span = (o.End - o.Start).TotalDays;

        for (var t = 0; products.Count < productCount; t++)
        {
            var combo = combos[t % combos.Length];
            var free = Enumerable.Range(0, DemoWordLists.Objects.Length).Where(i => !usedObjects[combo].Contains(i)).ToArray();
            if (free.Length == 0) continue;
            rng.Shuffle(free);
            var size = Math.Min(Math.Min(free.Length, rng.Next(3, 9)), productCount - products.Count);
            // A theme's appeal is shared by its members, so popular themes make popular pairs.
            var themeAppeal = Math.Exp(rng.NextGaussian() * 0.8);
            var members = new List<int>();
            foreach (var obj in free.Take(size))
            {
                usedObjects[combo].Add(obj);
                var (name, basePrice, pack) = DemoWordLists.Objects[obj];
                var launch = rng.NextDouble() < 0.15 ? o.Start.AddDays(Math.Floor(90 + rng.NextDouble() * (span - 210))) : o.Start;
                DateTime? dead = null;
                if (launch == o.Start && rng.NextDouble() < 0.10)
                    dead = o.Start.AddDays(Math.Floor(200 + rng.NextDouble() * (span - 200 - o.DeadQuietDays)));
                members.Add(products.Count);
                products.Add(new DemoProduct(products.Count, NewStockCode(rng, codes), $"{combo.c} {combo.p} {name}",
                    DemoWordLists.SnapPrice(basePrice * Math.Exp(rng.NextGaussian() * 0.25)), pack, themes.Count,
                    themeAppeal, launch, dead, DemoWordLists.Christmas.Contains(name)));
            }
            themes.Add(new DemoTheme(themes.Count, $"{combo.c} {combo.p}", members.ToArray()));
        }

        // Zipf-like popularity over a random rank order: a few best sellers and a long slow-selling tail.
        var rank = Enumerable.Range(0, products.Count).ToArray();
        rng.Shuffle(rank);
        for (var r = 0; r < rank.Length; r++)
        {
            var p = products[rank[r]];
            products[rank[r]] = p with { Popularity = p.Popularity / Math.Pow(r + 20, 1.0) };
        }
        return (products.ToArray(), themes.ToArray());
    }

    /// <summary>Five digits, and for about a quarter a variant letter (e.g. 85123A), unique in the catalogue.</summary>
    private static string NewStockCode(Random rng, HashSet<string> used)
    {
        while (true)
        {
            var code = rng.Next(20000, 90000).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (rng.NextDouble() < 0.25) code += (char)('A' + rng.Next(0, 6));
            if (used.Add(code)) return code;
        }
    }
}

internal static class RandomExtensions
{
    /// <summary>Standard normal by Box-Muller (System.Random has none).</summary>
    public static double NextGaussian(this Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Poisson draw: Knuth for small means, a rounded normal approximation above 30.</summary>
    public static int NextPoisson(this Random rng, double mean)
    {
        if (mean <= 0) return 0;
        if (mean > 30) return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * rng.NextGaussian()));
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = rng.NextDouble();
        while (p > limit) { k++; p *= rng.NextDouble(); }
        return k;
    }
}
