using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Engine.Recommendations.Sequential;

/// <summary>
/// First-order Markov chain over baskets: P(j in next basket | i in previous basket), estimated from every pair of
/// consecutive baskets of the same customer as count(i in prev and j in next) / count(i in a basket that has a successor).
/// Score(c, j) = mean over the items i of the customer's last training basket of P(j | i).
/// </summary>
public sealed class MarkovChainRecommender : IRecommender
{
    private Dictionary<int, float>[] _next = [];
    private int[] _lastBasket = [];
    private RetailLog _train = null!;

    public string Name => "Markov";

    public void Fit(RetailLog train, IProgress<double>? progress, CancellationToken ct)
    {
        _train = train;
        var counts = new Dictionary<int, float>[train.ItemCount];
        var from = new int[train.ItemCount];
        var byCustomer = train.BasketsByCustomer();
        _lastBasket = byCustomer.Select(b => b.Length == 0 ? -1 : b[^1]).ToArray();
        foreach (var baskets in byCustomer)
            for (var k = 1; k < baskets.Length; k++)
            {
                var next = train.Baskets[baskets[k]].Items;
                foreach (var i in train.Baskets[baskets[k - 1]].Items)
                {
                    from[i]++;
                    var row = counts[i] ??= [];
                    foreach (var j in next) row[j] = row.GetValueOrDefault(j) + 1;
                }
            }
        _next = new Dictionary<int, float>[train.ItemCount];
        for (var i = 0; i < counts.Length; i++)
            _next[i] = counts[i]?.ToDictionary(p => p.Key, p => p.Value / from[i]) ?? [];
        progress?.Report(1);
    }

    public float Transition(int from, int to) => _next[from].GetValueOrDefault(to);

    public void Score(int customer, Span<float> scores)
    {
        scores.Clear();
        if (customer < 0 || customer >= _lastBasket.Length || _lastBasket[customer] < 0) return;
        var last = _train.Baskets[_lastBasket[customer]].Items;
        foreach (var i in last)
            foreach (var (j, p) in _next[i]) scores[j] += p / last.Length;
    }

    public string Explain(int customer, int item)
    {
        if (customer < 0 || customer >= _lastBasket.Length || _lastBasket[customer] < 0) return "often follows popular baskets";
        var best = _train.Baskets[_lastBasket[customer]].Items.MaxBy(i => Transition(i, item));
        return $"often bought in the order after {_train.ItemDescriptions[best]}";
    }
}
