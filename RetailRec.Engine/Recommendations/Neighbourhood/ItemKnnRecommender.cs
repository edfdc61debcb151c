using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Recommendations.Common;

namespace RetailRec.Engine.Recommendations.Neighbourhood;

/// <summary>
/// Item-kNN collaborative filtering: cosine similarity of item columns of the binary customer x item matrix,
/// cos(i, j) = |buyers(i) and buyers(j)| / sqrt(|buyers(i)| |buyers(j)|), pruned to each item's <c>neighbours</c> best.
/// Score(c, i) = sum over the customer's history items j of w_j * sim(j, i); w_j = recency weight with
/// <c>halfLifeDays</c> (null = every past item counts 1).
/// </summary>
public sealed class ItemKnnRecommender(int neighbours = 100, double? halfLifeDays = null) : IRecommender
{
    private (int Item, float Sim)[][] _nn = [];
    private CustomerItemMatrix _history = null!;
    private RetailLog _train = null!;

    public string Name => "ItemKNN";
    public string Parameters => $"k={neighbours};halfLife={halfLifeDays?.ToString() ?? "none"}";

    public void Fit(RetailLog train, IProgress<double>? progress, CancellationToken ct)
    {
        _train = train;
        var end = TrainingCatalogue.ReferenceTime(train);
        _history = halfLifeDays is { } h
            ? CustomerItemMatrix.FromBaskets(train, b => Baselines.PersonalFrequencyRecommender.RecencyWeight(end, b.Time, h))
            : Ease.EaseRecommender.Binary(CustomerItemMatrix.FromBaskets(train));
        var gram = ItemGram.Build(Ease.EaseRecommender.Binary(CustomerItemMatrix.FromBaskets(train)));
        _nn = Neighbours(gram, neighbours, train.ItemCount);
        progress?.Report(1);
    }

    /// <summary>Each item's top neighbours by cosine (catalogue indexes); items unseen in training have none.</summary>
    internal static (int Item, float Sim)[][] Neighbours(ItemGram gram, int k, int itemCount)
    {
        var n = gram.Items.Length;
        var norm = new float[n];
        for (var i = 0; i < n; i++) norm[i] = MathF.Sqrt(gram.G[i, i]);
        var result = new (int, float)[itemCount][];
        Array.Fill(result, []);
        Parallel.For(0, n, a =>
        {
            var row = gram.G.Row(a);
            var sims = new float[n];
            for (var b = 0; b < n; b++) sims[b] = b == a || row[b] == 0 ? float.NaN : row[b] / (norm[a] * norm[b]);
            var top = Evaluation.TopK.Select(sims, k);
            result[gram.Items[a]] = top.Select(b => (gram.Items[b], sims[b])).ToArray();
        });
        return result;
    }

    public IReadOnlyList<(int Item, float Sim)> SimilarTo(int item) => _nn[item];

    public void Score(int customer, Span<float> scores) => ItemNeighbourScoring.Score(_history, _nn, customer, scores);

    public string Explain(int customer, int item)
    {
        if (customer < 0 || customer >= _history.Rows) return "similar to popular items";
        var best = ItemNeighbourScoring.StrongestSource(_history, _nn, customer, item);
        return best < 0 ? "similar to items you bought" : $"customers who bought {_train.ItemDescriptions[best]} also bought this";
    }
}
