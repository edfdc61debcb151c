namespace RetailRec.Engine.Promotions.Features;

/// <summary>A related item with the strength of the relation (lift for basket partners, cosine for similar items).</summary>
public readonly record struct RelatedItem(int Item, int Support, double Strength);

/// <summary>
/// How other items relate to a target item, from the purchase history only:
/// basket partners (bought in the same basket more often than chance: association-rule lift) and
/// similar items (bought by the same customers: cosine of the customer sets).
/// </summary>
public static class ItemRelations
{
    /// <summary>
    /// Items sharing baskets with <paramref name="item"/> at lift above <paramref name="minLift"/> with at least
    /// <paramref name="minSupport"/> shared baskets, strongest lift first.
    /// lift(A,B) = n(A,B) * N / (n(A) * n(B)) over the N baskets before the cutoff.
    /// </summary>
    public static RelatedItem[] BasketPartners(PurchaseHistory h, int item, int top = 20, int minSupport = 3, double minLift = 1.5)
    {
        var together = Count(h.ItemBasketCount.Length, h.ItemBaskets[item].Select(b => h.Log.Baskets[b].Items), item);
        var nA = (double)h.ItemBasketCount[item];
        return together.Where(kv => kv.Count >= minSupport)
            .Select(kv => new RelatedItem(kv.Item, kv.Count, kv.Count * (double)h.BasketCount / (nA * h.ItemBasketCount[kv.Item])))
            .Where(r => r.Strength > minLift)
            .OrderByDescending(r => r.Strength).ThenBy(r => r.Item)
            .Take(top).ToArray();
    }

    /// <summary>Items whose buyers overlap the target's buyers most: cosine = n(A,B) / sqrt(n(A) n(B)) over customers.</summary>
    public static RelatedItem[] SimilarItems(PurchaseHistory h, int item, int top = 20, int minSupport = 3)
    {
        var overlap = Count(h.ItemBasketCount.Length, h.ItemBuyers[item].Select(b => h.CustomerItems[b.Customer]), item);
        var nA = (double)h.ItemBuyers[item].Length;
        return overlap.Where(kv => kv.Count >= minSupport)
            .Select(kv => new RelatedItem(kv.Item, kv.Count, kv.Count / Math.Sqrt(nA * h.ItemBuyers[kv.Item].Length)))
            .OrderByDescending(r => r.Strength).ThenBy(r => r.Item)
            .Take(top).ToArray();
    }

    /// <summary>How many of the given item sets hold each item (other than <paramref name="skip"/>): a dense counter, no hashing.</summary>
    private static List<(int Item, int Count)> Count(int itemCount, IEnumerable<int[]> sets, int skip)
    {
        var counts = new int[itemCount];
        var touched = new List<int>();
        foreach (var set in sets)
            foreach (var j in set)
                if (j != skip && counts[j]++ == 0) touched.Add(j);
        return touched.Select(j => (j, counts[j])).ToList();
    }
}
