using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Promotions.Features;
using RetailRec.Engine.Recommendations.MarketBasket;

namespace RetailRec.Engine.Promotions.CrossSell;

/// <summary>A customer who buys product A's basket partners but never bought A; <see cref="Score"/> = sum of the partners' lifts.</summary>
public sealed record CrossSellCandidate(string CustomerId, string Country, double Score, IReadOnlyList<string> PartnersBought);

/// <summary>A strong basket partner of product A with its association-rule figures (before the cutoff).</summary>
public sealed record PartnerRule(string StockCode, string Description, int BasketsTogether, double Lift);

public sealed record CrossSellResult(string StockCode, string Description, IReadOnlyList<PartnerRule> Partners, IReadOnlyList<CrossSellCandidate> Candidates);

/// <summary>
/// Cross-sell list for product A: customers who bought A's strongest basket partners (lift of the shared
/// <see cref="AssociationRules"/> mined on the baskets before the cutoff) but never A, ranked by the summed lift of the
/// partners they bought.
/// </summary>
public static class CrossSellList
{
    public static CrossSellResult Build(RetailLog log, string stockCode, DateTime? asOf = null, int partners = 10, int top = 500, double minLift = 2)
    {
        var item = log.ItemIndexOf(stockCode) ?? throw new ArgumentException($"unknown stock code '{stockCode}'");
        var history = new PurchaseHistory(log, asOf ?? log.DefaultAnalysisDate);
        var mined = AssociationRules.Mine(log.Before(history.Cutoff), minBaskets: 5);
        var rules = mined.PartnersByLift(item, minLift).Take(partners).Select(p => new RelatedItem(p.Partner, p.Baskets, p.Lift)).ToArray();
        var boughtA = history.ItemBuyers[item].Select(b => b.Customer).ToHashSet();
        var score = new Dictionary<int, (double Score, List<string> Codes)>();
        foreach (var rule in rules)
            foreach (var buyer in history.ItemBuyers[rule.Item])
            {
                if (boughtA.Contains(buyer.Customer)) continue;
                if (!score.TryGetValue(buyer.Customer, out var s)) score[buyer.Customer] = s = (0, []);
                s.Codes.Add(log.ItemCodes[rule.Item]);
                score[buyer.Customer] = (s.Score + rule.Strength, s.Codes);
            }
        var candidates = score.OrderByDescending(kv => kv.Value.Score).ThenBy(kv => kv.Key).Take(top)
            .Select(kv => new CrossSellCandidate(log.CustomerIds[kv.Key], log.CustomerCountries[kv.Key], kv.Value.Score, kv.Value.Codes)).ToArray();
        return new CrossSellResult(log.ItemCodes[item], log.ItemDescriptions[item],
            rules.Select(r => new PartnerRule(log.ItemCodes[r.Item], log.ItemDescriptions[r.Item], r.Support, r.Strength)).ToArray(), candidates);
    }
}
