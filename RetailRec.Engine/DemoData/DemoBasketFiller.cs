namespace RetailRec.Engine.DemoData;

/// <summary>
/// Fills one sale invoice: favourites (repeat purchases), the customer's favourite themes, popular items on sale
/// that day, and for each chosen item often one or two partners of its theme (the planted basket affinity).
/// </summary>
internal sealed class DemoBasketFiller(DemoProduct[] products, DemoTheme[] themes, ProductSampler sampler, DemoDataOptions options)
{
    public const double FavouriteShare = 0.42;
    public const double ThemeShare = 0.20;
    public const double PartnerChance = 0.55;

    public int DrawSize(Random rng, DemoTier? tier)
    {
        var mean = options.MeanBasketLines * (tier is { } t ? DemoCustomers.BasketSizeFactor(t) : 0.8) - 1;
        var p = 1 / (1 + Math.Max(0.01, mean));
        return 1 + Math.Min(80, (int)Math.Floor(Math.Log(1 - rng.NextDouble()) / Math.Log(1 - p)));
    }

    public void Fill(Random rng, DemoInvoice invoice, DemoCustomer? customer, int size)
    {
        var day = invoice.Time.Date;
        for (var attempt = 0; invoice.Lines.Count < size && attempt < size * 6; attempt++)
        {
            var u = rng.NextDouble();
            int pick;
            if (customer is not null && u < FavouriteShare) pick = customer.Favourites[rng.Next(customer.Favourites.Length)];
            else if (customer is not null && u < FavouriteShare + ThemeShare)
            {
                var theme = themes[customer.FavouriteThemes[rng.Next(customer.FavouriteThemes.Length)]];
                pick = theme.Products[rng.Next(theme.Products.Length)];
            }
            else pick = sampler.OnDay(rng, day);
            if (pick < 0 || !products[pick].IsOnSale(day) || invoice.Contains(pick)) continue;
            Add(rng, invoice, products[pick], customer?.Tier);

            if (rng.NextDouble() >= PartnerChance) continue;
            var members = themes[products[pick].Theme].Products;
            var partners = rng.Next(1, 3);
            for (var k = 0; k < partners * 2 && partners > 0 && invoice.Lines.Count < size; k++)
            {
                var partner = products[members[rng.Next(members.Length)]];
                if (!partner.IsOnSale(day) || invoice.Contains(partner.Index)) continue;
                Add(rng, invoice, partner, customer?.Tier);
                partners--;
            }
        }
    }

    private static void Add(Random rng, DemoInvoice invoice, DemoProduct p, DemoTier? tier)
    {
        int quantity;
        if (tier is DemoTier.Occasional or null && rng.NextDouble() < 0.5) quantity = rng.Next(1, Math.Max(2, p.Pack / 2) + 1);
        else
        {
            var u = rng.NextDouble();
            var multiple = u < 0.6 ? 1 : u < 0.85 ? 2 : rng.Next(3, 7);
            if (tier == DemoTier.Frequent && rng.NextDouble() < 0.4) multiple *= 2;
            quantity = p.Pack * multiple;
        }
        // Wholesale buyers get a volume price, as in the real price list.
        var price = quantity >= 4 * p.Pack ? DemoWordLists.SnapPrice(p.Price * 0.85) : p.Price;
        invoice.Lines.Add(new DemoLine(p.Index, p.StockCode, p.Description, quantity, price));
    }
}
