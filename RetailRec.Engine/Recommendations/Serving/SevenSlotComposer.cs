namespace RetailRec.Engine.Recommendations.Serving;

/// <summary>
/// The seven-slot list: 3 "similar" items (collaborative filtering, blended with description similarity, never an
/// item already bought), 3 "paired" items (basket rules from the customer's last basket), 1 deliberately new item
/// from a derived category the customer never bought (<see cref="Content.ItemCategories"/>), chosen as the best CF
/// candidate there. No item appears twice; slots that cannot be filled fall back to popular items of the same rule set.
/// </summary>
internal static class SevenSlotComposer
{
    public static SevenSlotList Compose(RecommendationEngine e, int customer, RecommendOptions o)
    {
        var n = e.Train.ItemCount;
        var used = new HashSet<int>();
        var noRepeat = o with { ExcludeBought = true };
        bool Free(int i, RecommendOptions opt) => !used.Contains(i) && e.Allowed(customer, i, opt);

        var popular = Scores(e.Model(RecommendationMethod.Popular), customer, n);
        var cf = Scores(e.Model(RecommendationMethod.CF), customer, n);
        var content = Scores(e.Content, customer, n);
        Hybrid.ScoreNormalization.MinMax(cf, e.Rankable);
        Hybrid.ScoreNormalization.MinMax(content, e.Rankable);
        var similar = new float[n];
        for (var i = 0; i < n; i++) similar[i] = 0.7f * cf[i] + 0.3f * content[i];   // the documented CF 70% / content 30% hybrid
        if (!e.HasHistory(customer)) popular.CopyTo(similar, 0);
        var similarItems = Take(e, customer, similar, 3, i => Free(i, noRepeat), "Similar", e.Model(RecommendationMethod.CF), used);

        var paired = Scores(e.Rules, customer, n);
        var pairedItems = Take(e, customer, paired, 3, i => paired[i] > 0 && Free(i, o), "Paired", e.Rules, used);
        if (pairedItems.Count < 3)
            pairedItems.AddRange(Take(e, customer, popular, 3 - pairedItems.Count, i => Free(i, o), "Paired", e.Model(RecommendationMethod.Popular), used));

        var owned = e.BoughtItems(customer).Select(i => e.Categories.OfItem[i]).ToHashSet();
        var fresh = Take(e, customer, cf.Zip(popular, (a, b) => a + b * 1e-6f).ToArray(), 1,
            i => Free(i, noRepeat) && e.Categories.OfItem[i] != Content.ItemCategories.Other && !owned.Contains(e.Categories.OfItem[i]),
            "NewCategory", e.Model(RecommendationMethod.CF), used);
        var newItem = fresh.Count == 0 ? null : fresh[0] with
        {
            Reason = $"something new for you: {e.Categories.OfItem[fresh[0].Item].ToLowerInvariant()} items (a category you never bought)",
        };
        return new SevenSlotList(similarItems, pairedItems, newItem);
    }

    private static float[] Scores(IRecommender model, int customer, int n)
    {
        var s = new float[n];
        model.Score(customer, s);
        return s;
    }

    private static List<RecommendedItem> Take(RecommendationEngine e, int customer, float[] scores, int k, Func<int, bool> allowed,
        string slot, IRecommender explainer, HashSet<int> used)
    {
        var items = Evaluation.TopK.Select(scores, k, allowed);
        foreach (var i in items) used.Add(i);
        return items.Select(i => e.Item(customer, i, scores[i], slot, explainer)).ToList();
    }
}
