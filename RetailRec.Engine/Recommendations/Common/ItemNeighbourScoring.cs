namespace RetailRec.Engine.Recommendations.Common;

/// <summary>
/// Scoring shared by the item-to-item models (item-kNN, content): a customer's weighted history spreads its weight
/// to each history item's neighbours, and the reason names the history item that contributed most.
/// </summary>
internal static class ItemNeighbourScoring
{
    /// <summary>Score(c, i) = sum over history items j of w_j * sim(j, i).</summary>
    public static void Score(CustomerItemMatrix history, (int Item, float Sim)[][] neighbours, int customer, Span<float> scores)
    {
        scores.Clear();
        if (customer < 0 || customer >= history.Rows) return;
        var items = history.RowItems(customer);
        var w = history.RowValues(customer);
        for (var k = 0; k < items.Length; k++)
            foreach (var (i, s) in neighbours[items[k]]) scores[i] += w[k] * s;
    }

    /// <summary>The customer's history item most similar to <paramref name="item"/>, or -1 when none links to it.</summary>
    public static int StrongestSource(CustomerItemMatrix history, (int Item, float Sim)[][] neighbours, int customer, int item)
    {
        if (customer < 0 || customer >= history.Rows) return -1;
        var best = -1;
        var bestS = 0f;
        foreach (var j in history.RowItems(customer))
            foreach (var (i, s) in neighbours[j])
                if (i == item && s > bestS) { bestS = s; best = j; }
        return best;
    }
}
