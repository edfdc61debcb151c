namespace RetailRec.Engine.Recommendations.Serving;

/// <summary>Which recommender family answers (the UI's method selector).</summary>
public enum RecommendationMethod
{
    /// <summary>Repeat-aware personal model (RepeatAware: recency-weighted frequency x item repeat propensity, plus
    /// TIFU-KNN neighbours for new items; tuned on validation): your regulars plus what similar customers buy.</summary>
    Personalized,
    /// <summary>Favourites of the customer's segment (needs a segment mapping).</summary>
    Segment,
    /// <summary>Collaborative filtering (EASE^R).</summary>
    CF,
    /// <summary>Recent global popularity.</summary>
    Popular,
    /// <summary>Weighted blend of all of the above plus content (see <see cref="RecommendationSettings.AllWeights"/>).</summary>
    All,
}

/// <summary>Per-request options. Repeats are allowed by default: this retailer's customers re-order a lot.</summary>
public sealed record RecommendOptions(int Count = 10, bool ExcludeBought = false, IReadOnlySet<int>? ExcludeItems = null);

/// <summary>One recommended item with everything the UI shows.</summary>
public sealed record RecommendedItem(int Item, string StockCode, string Description, float Score, string Method, string Reason);

/// <summary>The seven-slot list: 3 similar, 3 paired, 1 deliberately new category (each slot says which kind it is).</summary>
public sealed record SevenSlotList(IReadOnlyList<RecommendedItem> Similar, IReadOnlyList<RecommendedItem> Paired, RecommendedItem? NewCategory)
{
    public IEnumerable<RecommendedItem> All => Similar.Concat(Paired).Concat(NewCategory is null ? [] : [NewCategory]);
}
