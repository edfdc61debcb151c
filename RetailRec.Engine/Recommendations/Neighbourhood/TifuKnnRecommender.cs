using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Recommendations.Common;

namespace RetailRec.Engine.Recommendations.Neighbourhood;

/// <summary>
/// Repeat-aware next-basket model in the spirit of TIFU-KNN (Hu et al., SIGIR 2020): each customer is a
/// recency-decayed average of their basket vectors (the most recent basket weighs 1, the one before <c>basketDecay</c>,
/// then basketDecay^2, ...); the prediction blends the customer's own vector (weight <c>alpha</c>, the repeat part)
/// with the mean vector of the <c>neighbours</c> nearest customers (weight 1 - alpha, the explore part).
/// Optionally each basket also decays with its age in days (<c>halfLifeDays</c>), because this retailer's customers
/// buy at very different rates: ten baskets back can be last month for one and two years for another.
/// </summary>
public sealed class TifuKnnRecommender(int neighbours = 100, double basketDecay = 0.9, double alpha = 0.7, double? halfLifeDays = null)
    : IRecommender
{
    private CustomerNeighbours _nn = null!;
    private RetailLog _train = null!;

    public string Name => "TIFU-KNN";
    public string Parameters => $"k={neighbours};decay={basketDecay};alpha={alpha};halfLife={halfLifeDays?.ToString() ?? "none"}";

    public void Fit(RetailLog train, IProgress<double>? progress, CancellationToken ct)
    {
        _train = train;
        var rows = new Dictionary<int, float>?[train.CustomerCount];
        var byCustomer = train.BasketsByCustomer();
        var end = TrainingCatalogue.ReferenceTime(train);
        for (var c = 0; c < rows.Length; c++)
        {
            var baskets = byCustomer[c];
            if (baskets.Length == 0) continue;
            var row = rows[c] = [];
            double total = 0;
            for (var k = 0; k < baskets.Length; k++)
            {
                var w = Math.Pow(basketDecay, baskets.Length - 1 - k);
                if (halfLifeDays is { } h) w *= Math.Pow(0.5, (end - train.Baskets[baskets[k]].Time).TotalDays / h);
                total += w;
                foreach (var i in train.Baskets[baskets[k]].Items) row[i] = row.GetValueOrDefault(i) + (float)w;
            }
            foreach (var i in row.Keys.ToArray()) row[i] = (float)(row[i] / total);
        }
        _nn = new CustomerNeighbours(CustomerItemMatrix.FromRows(rows, train.ItemCount));
        progress?.Report(1);
    }

    public void Score(int customer, Span<float> scores)
    {
        scores.Clear();
        if (customer < 0 || customer >= _nn.Rows.Rows) return;
        var own = _nn.Rows.RowItems(customer);
        var ownW = _nn.Rows.RowValues(customer);
        for (var t = 0; t < own.Length; t++) scores[own[t]] += (float)alpha * ownW[t];
        var near = _nn.Of(customer, neighbours);
        if (near.Length == 0) return;
        var share = (float)((1 - alpha) / near.Length);
        foreach (var (u, _) in near)
        {
            var items = _nn.Rows.RowItems(u);
            var w = _nn.Rows.RowValues(u);
            for (var t = 0; t < items.Length; t++) scores[items[t]] += share * w[t];
        }
    }

    public string Explain(int customer, int item)
    {
        if (customer >= 0 && customer < _nn.Rows.Rows && _nn.Rows.Get(customer, item) > 0) return "you buy this regularly";
        var n = _nn.Of(customer, neighbours).Count(p => _nn.Rows.Get(p.Customer, item) > 0);
        return $"{n} customers with baskets like yours bought this";
    }
}
