namespace RetailRec.Engine.Recommendations.Evaluation;

/// <summary>Metrics over all customers' top-K lists together: how much of the catalogue a model ever shows, and how evenly.</summary>
public static class ListMetrics
{
    /// <summary>Share of the catalogue (<paramref name="catalogueSize"/> items) that appears in at least one list.</summary>
    public static double Coverage(IEnumerable<IReadOnlyList<int>> lists, int catalogueSize)
    {
        if (catalogueSize == 0) return 0;
        return lists.SelectMany(l => l).Distinct().Count() / (double)catalogueSize;
    }

    /// <summary>
    /// Gini index of how often each catalogue item is recommended (0 = every item equally often, -> 1 = all lists
    /// show the same few items). Items never shown count as zeros: G = sum_i (2i - n - 1) x_i / (n sum x), x ascending.
    /// </summary>
    public static double Gini(IEnumerable<IReadOnlyList<int>> lists, IReadOnlyList<int> catalogue)
    {
        var counts = catalogue.ToDictionary(i => i, _ => 0L);
        foreach (var l in lists)
            foreach (var i in l)
                if (counts.ContainsKey(i)) counts[i]++;
        var x = counts.Values.OrderBy(v => v).ToArray();
        var n = x.Length;
        double total = x.Sum();
        if (n == 0 || total == 0) return 0;
        double acc = 0;
        for (var i = 0; i < n; i++) acc += (2.0 * (i + 1) - n - 1) * x[i];
        return acc / (n * total);
    }
}
