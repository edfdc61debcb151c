namespace RetailRec.Engine.Promotions.Features;

/// <summary>
/// Feature matrix of (customer, item) pairs for the purchase-probability models: row-major, one row per customer
/// in <see cref="Customers"/>, <see cref="PropensityFeatureBuilder.Names"/>.Length columns.
/// </summary>
public sealed record FeatureMatrix(int Item, int[] Customers, double[] Values, int Width)
{
    public ReadOnlySpan<double> Row(int r) => Values.AsSpan(r * Width, Width);
}

/// <summary>
/// Builds the features of "will customer c buy item i within the horizon after the cutoff?" from a
/// <see cref="PurchaseHistory"/> (so only from data before the cutoff): customer RFM and behaviour, own history with
/// the item (times bought, how recently, whether a re-buy is due from the own inter-purchase interval), purchases of
/// the item's basket partners and similar items, and the item's popularity and trend. Optionally a recommender's rank
/// of the item for the customer (<see cref="RecommenderScores"/>, fitted only before the same cutoff) is the last column.
/// </summary>
public sealed class PropensityFeatureBuilder(RecommenderScores? recommender = null)
{
    public static readonly string[] BaseNames =
    [
        "buys often", "bought recently", "high spend", "long-standing customer", "active in the last 90 days",
        "has bought this item", "re-buys this item", "bought this item recently", "due to re-buy this item",
        "buys its basket partners", "buys similar items", "popular item", "item trending up",
    ];

    public string[] Names { get; } = recommender is null ? BaseNames : [.. BaseNames, $"recommended by {recommender.ModelName}"];

    public RecommenderScores? Recommender => recommender;

    public FeatureMatrix Build(PurchaseHistory h, int item, int[] customers)
    {
        var width = Names.Length;
        var values = new double[customers.Length * width];
        var rowOf = new int[h.CustomerBaskets.Length];
        Array.Fill(rowOf, -1);
        for (var r = 0; r < customers.Length; r++) rowOf[customers[r]] = r;
        var cutoff = h.Cutoff;

        // Item-level columns are the same for every customer; they let a model pooled over items tell items apart.
        var popularity = Math.Log(1 + h.ItemBuyersRecent[item]);
        var trend = Math.Log((h.ItemBuyersRecent[item] + 1.0) / (h.ItemBuyersPrevious[item] + 1.0));
        for (var r = 0; r < customers.Length; r++)
        {
            var c = customers[r];
            var row = values.AsSpan(r * width, width);
            row[0] = Math.Log(1 + h.CustomerBaskets[c]);
            row[1] = h.CustomerBaskets[c] > 0 ? Math.Exp(-(cutoff - h.CustomerLast[c]).TotalDays / 90) : 0;
            row[2] = Math.Log(1 + Math.Max(0, h.CustomerSpend[c]));
            row[3] = h.CustomerBaskets[c] > 0 ? (cutoff - h.CustomerFirst[c]).TotalDays / 365 : 0;
            row[4] = Math.Log(1 + h.CustomerRecentBaskets[c]);
            row[11] = popularity;
            row[12] = trend;
            if (recommender is not null) row[13] = recommender.At(cutoff, c, item);
        }

        foreach (var s in h.ItemBuyers[item])
        {
            var r = rowOf[s.Customer];
            if (r < 0) continue;
            var row = values.AsSpan(r * width, width);
            var since = (cutoff - s.Last).TotalDays;
            row[5] = 1;
            row[6] = Math.Log(s.Baskets);
            row[7] = Math.Exp(-since / 60);
            if (s.Baskets >= 2)
            {
                // Closeness to the customer's own re-buy rhythm: 1 when exactly one interval has passed.
                var interval = Math.Max(1, (s.Last - s.First).TotalDays / (s.Baskets - 1));
                row[8] = Math.Exp(-Math.Abs(Math.Log(Math.Max(since, 0.5) / interval)));
            }
        }
        AddRelated(h, ItemRelations.BasketPartners(h, item), rowOf, values, width, 9, strength => Math.Log(strength));
        AddRelated(h, ItemRelations.SimilarItems(h, item), rowOf, values, width, 10, strength => strength);
        return new FeatureMatrix(item, customers, values, width);
    }

    private static void AddRelated(PurchaseHistory h, RelatedItem[] related, int[] rowOf, double[] values, int width, int column,
        Func<double, double> weight)
    {
        foreach (var rel in related)
        {
            var w = weight(rel.Strength);
            foreach (var s in h.ItemBuyers[rel.Item])
                if (rowOf[s.Customer] is var r and >= 0) values[r * width + column] += w;
        }
    }
}
