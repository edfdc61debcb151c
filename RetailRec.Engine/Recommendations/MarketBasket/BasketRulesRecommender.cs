using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Engine.Recommendations.MarketBasket;

/// <summary>
/// "Paired items": for each item of the customer's last <c>recentBaskets</c> baskets, its rule partners vote with
/// their confidence. Explanations name the strongest antecedent: "bought with WHITE HANGING HEART by 37 customers".
/// </summary>
public sealed class BasketRulesRecommender(int recentBaskets = 1, int minBaskets = 3) : IRecommender
{
    private RetailLog _train = null!;
    private int[][] _recentItems = [];

    public AssociationRules Rules { get; private set; } = null!;
    public string Name => "BasketRules";
    public string Parameters => $"recent={recentBaskets};minBaskets={minBaskets}";

    public void Fit(RetailLog train, IProgress<double>? progress, CancellationToken ct)
    {
        _train = train;
        Rules = AssociationRules.Mine(train, minBaskets);
        _recentItems = train.BasketsByCustomer()
            .Select(b => b.TakeLast(recentBaskets).SelectMany(x => train.Baskets[x].Items).Distinct().ToArray()).ToArray();
        progress?.Report(1);
    }

    public IReadOnlyList<int> RecentItems(int customer) =>
        customer >= 0 && customer < _recentItems.Length ? _recentItems[customer] : [];

    public void Score(int customer, Span<float> scores)
    {
        scores.Clear();
        foreach (var i in RecentItems(customer))
            foreach (var p in Rules.PartnersOf(i)) scores[p.Partner] += (float)p.Confidence;
    }

    public string Explain(int customer, int item)
    {
        var best = RecentItems(customer).SelectMany(i => Rules.PartnersOf(i)).Where(p => p.Partner == item)
            .OrderByDescending(p => p.Confidence).FirstOrDefault();
        return best is null ? "often bought together" : $"bought with {_train.ItemDescriptions[best.Item]} by {best.Customers} customers";
    }
}
