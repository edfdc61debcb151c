using RetailRec.Engine.Recommendations.Evaluation;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Recommendations.Common;

namespace RetailRec.Engine.Recommendations.Content;

/// <summary>
/// Content-based recommender: TF-IDF vectors of description words (tf = count in the description, idf = ln(N / df),
/// N = items with a description), L2-normalised; item-item cosine pruned to the best <c>neighbours</c>.
/// Works for cold items (similarity needs no purchases). Score(c, i) = sum over past items j of sim(j, i)
/// weighted by recency with <c>halfLifeDays</c>.
/// </summary>
public sealed class ContentRecommender(int neighbours = 50, double halfLifeDays = 90) : IRecommender
{
    private (int Item, float Sim)[][] _nn = [];
    private CustomerItemMatrix _history = null!;
    private RetailLog _train = null!;

    public string Name => "Content";
    public string Parameters => $"k={neighbours};halfLife={halfLifeDays}";

    public void Fit(RetailLog train, IProgress<double>? progress, CancellationToken ct)
    {
        _train = train;
        var end = TrainingCatalogue.ReferenceTime(train);
        _history = CustomerItemMatrix.FromBaskets(train, b => Baselines.PersonalFrequencyRecommender.RecencyWeight(end, b.Time, halfLifeDays));
        _nn = Neighbours(Vectors(train.ItemDescriptions), neighbours);
        progress?.Report(1);
    }

    /// <summary>L2-normalised TF-IDF vectors (term id -> weight) for every description.</summary>
    internal static Dictionary<int, float>[] Vectors(IReadOnlyList<string> descriptions)
    {
        var vocab = new Dictionary<string, int>(StringComparer.Ordinal);
        var tf = descriptions.Select(d => DescriptionTokens.Of(d)
            .GroupBy(w => vocab.TryGetValue(w, out var id) ? id : vocab[w] = vocab.Count)
            .ToDictionary(g => g.Key, g => (float)g.Count())).ToArray();
        var docs = tf.Count(v => v.Count > 0);
        var df = new int[vocab.Count];
        foreach (var v in tf) foreach (var t in v.Keys) df[t]++;
        foreach (var v in tf)
        {
            foreach (var t in v.Keys.ToArray()) v[t] *= (float)Math.Log(docs / (double)df[t]);
            var norm = MathF.Sqrt(v.Values.Sum(x => x * x));
            foreach (var t in v.Keys.ToArray()) v[t] = norm > 0 ? v[t] / norm : 0;
        }
        return tf;
    }

    internal static (int Item, float Sim)[][] Neighbours(Dictionary<int, float>[] vectors, int k)
    {
        var postings = new Dictionary<int, List<(int Item, float W)>>();
        for (var i = 0; i < vectors.Length; i++)
            foreach (var (t, w) in vectors[i])
                if (w > 0) (postings.TryGetValue(t, out var l) ? l : postings[t] = []).Add((i, w));
        var result = new (int, float)[vectors.Length][];
        Parallel.For(0, vectors.Length, () => new float[vectors.Length], (i, _, acc) =>
        {
            Array.Fill(acc, float.NaN);
            foreach (var (t, w) in vectors[i])
                if (w > 0)
                    foreach (var (j, wj) in postings[t])
                        acc[j] = (float.IsNaN(acc[j]) ? 0 : acc[j]) + w * wj;
            acc[i] = float.NaN;
            result[i] = TopK.Select(acc, k).Select(j => (j, acc[j])).ToArray();
            return acc;
        }, _ => { });
        return result;
    }

    public IReadOnlyList<(int Item, float Sim)> SimilarTo(int item) => _nn[item];

    public void Score(int customer, Span<float> scores) => ItemNeighbourScoring.Score(_history, _nn, customer, scores);

    public string Explain(int customer, int item)
    {
        if (customer < 0 || customer >= _history.Rows) return "similar description to popular items";
        var best = ItemNeighbourScoring.StrongestSource(_history, _nn, customer, item);
        return best < 0 ? "similar to items you bought" : $"similar to {_train.ItemDescriptions[best]}";
    }
}
