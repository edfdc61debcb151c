using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Engine.Recommendations.Common;

/// <summary>
/// Which items a model may rank: those sold at least once in the training view. Items that only appear after the
/// cutoff share the index space (views keep it) but no honest model can know them, so evaluation and serving skip them.
/// </summary>
public static class TrainingCatalogue
{
    public static bool[] SeenItems(RetailLog train)
    {
        var seen = new bool[train.ItemCount];
        foreach (var b in train.Baskets)
            foreach (var i in b.Items) seen[i] = true;
        return seen;
    }

    /// <summary>The moment a trained model considers "now": the last training invoice (recency is measured from here).</summary>
    public static DateTime ReferenceTime(RetailLog train) => train.Baskets.Length == 0 ? DateTime.MinValue : train.Baskets[^1].Time;
}
