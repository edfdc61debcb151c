namespace RetailRec.Engine.DemoData;

/// <summary>
/// Draws products in proportion to popularity (binary search on a cumulative array), and on a given day by
/// rejection: products not on sale are skipped and Christmas goods follow their season.
/// </summary>
internal sealed class ProductSampler
{
    private readonly DemoProduct[] _products;
    private readonly double[] _cumulative;

    public ProductSampler(DemoProduct[] products)
    {
        _products = products;
        _cumulative = new double[products.Length];
        double sum = 0;
        for (var i = 0; i < products.Length; i++) _cumulative[i] = sum += products[i].Popularity;
    }

    public int ByPopularity(Random rng)
    {
        var target = rng.NextDouble() * _cumulative[^1];
        var i = Array.BinarySearch(_cumulative, target);
        return Math.Min(i < 0 ? ~i : i, _products.Length - 1);
    }

    /// <summary>A product on sale on <paramref name="day"/>, or -1 after many rejections (tiny catalogues only).</summary>
    public int OnDay(Random rng, DateTime day)
    {
        var season = DemoCalendar.ChristmasFactor(day);
        for (var attempt = 0; attempt < 64; attempt++)
        {
            var p = _products[ByPopularity(rng)];
            if (!p.IsOnSale(day)) continue;
            if (p.Christmas && rng.NextDouble() * 3.5 > season) continue;
            if (!p.Christmas && rng.NextDouble() > 0.6) continue; // keeps Christmas goods' share rising in autumn
            return p.Index;
        }
        return -1;
    }
}
