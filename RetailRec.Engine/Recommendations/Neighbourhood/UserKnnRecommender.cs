using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Recommendations.Common;

namespace RetailRec.Engine.Recommendations.Neighbourhood;

/// <summary>
/// User-kNN collaborative filtering: the <c>neighbours</c> customers with the most similar (cosine, binary) purchase
/// sets vote for their items, each vote weighted by similarity. Score(c, i) = sum over neighbours u who bought i of sim(c, u).
/// </summary>
public sealed class UserKnnRecommender(int neighbours = 50) : IRecommender
{
    private CustomerNeighbours _nn = null!;

    public string Name => "UserKNN";
    public string Parameters => $"k={neighbours}";

    public void Fit(RetailLog train, IProgress<double>? progress, CancellationToken ct)
    {
        _nn = new CustomerNeighbours(Ease.EaseRecommender.Binary(CustomerItemMatrix.FromBaskets(train)));
        progress?.Report(1);
    }

    public void Score(int customer, Span<float> scores)
    {
        scores.Clear();
        foreach (var (u, s) in _nn.Of(customer, neighbours))
            foreach (var i in _nn.Rows.RowItems(u)) scores[i] += s;
    }

    public string Explain(int customer, int item)
    {
        var n = _nn.Of(customer, neighbours).Count(p => _nn.Rows.Get(p.Customer, item) > 0);
        return $"{n} customers with tastes like yours bought this";
    }
}
