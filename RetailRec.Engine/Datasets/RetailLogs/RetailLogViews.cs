namespace RetailRec.Engine.Datasets.RetailLogs;

public static class RetailLogViews
{
    /// <summary>
    /// A view that keeps only the chosen baskets (and their lines), with the same customer and item index spaces,
    /// so a model trained on the view scores the same catalogue. Basket indexes are renumbered densely.
    /// </summary>
    public static RetailLog KeepBaskets(this RetailLog log, Func<Basket, bool> keep)
    {
        var map = new int[log.Baskets.Length];
        var kept = new List<Basket>();
        foreach (var b in log.Baskets)
        {
            if (!keep(b)) { map[b.Index] = -1; continue; }
            map[b.Index] = kept.Count;
            kept.Add(b with { Index = kept.Count });
        }
        var lines = log.Lines.Where(l => map[l.Basket] >= 0).Select(l => l with { Basket = map[l.Basket] }).ToArray();
        return new RetailLog
        {
            CustomerIds = log.CustomerIds,
            CustomerCountries = log.CustomerCountries,
            ItemCodes = log.ItemCodes,
            ItemDescriptions = log.ItemDescriptions,
            Lines = lines,
            Baskets = kept.ToArray(),
            Returns = log.Returns,
        };
    }

    /// <summary>Everything strictly before <paramref name="cutoff"/> (returns too): the leak-free training view of a temporal split.</summary>
    public static RetailLog Before(this RetailLog log, DateTime cutoff)
    {
        var view = log.KeepBaskets(b => b.Time < cutoff);
        return new RetailLog
        {
            CustomerIds = view.CustomerIds,
            CustomerCountries = view.CustomerCountries,
            ItemCodes = view.ItemCodes,
            ItemDescriptions = view.ItemDescriptions,
            Lines = view.Lines,
            Baskets = view.Baskets,
            Returns = log.Returns.Where(r => r.Time < cutoff).ToArray(),
        };
    }
}
