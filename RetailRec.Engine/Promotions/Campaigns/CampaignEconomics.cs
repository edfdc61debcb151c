namespace RetailRec.Engine.Promotions.Campaigns;

/// <summary>
/// The money side of a campaign. For a contacted customer with purchase probability p, expected units U, expected
/// gross value G = sum p*units*price and expected margin M = sum p*units*margin (before discount d):
/// revenue = G(1-d), discount cost = G d, profit = M - G d - message cost.
/// With an uplift estimate u (change in probability caused by the contact), incremental profit =
/// u/p * M (the margin of purchases the contact caused) - G d (every buyer redeems the discount) - message cost.
/// </summary>
internal sealed class CampaignEconomics(CampaignRequest request, double discount)
{
    public double Profit(ScoredCustomer s) => s.Margin - s.Gross * discount - request.CostPerMessage;

    public double? IncrementalProfit(ScoredCustomer s) => s.Uplift is { } u
        ? (s.Probability > 0 ? u / s.Probability * s.Margin : 0) - s.Gross * discount - request.CostPerMessage
        : null;

    /// <summary>Incremental profit when uplift is known (targets persuadables), else expected profit.</summary>
    public double RankValue(ScoredCustomer s) => IncrementalProfit(s) ?? Profit(s);

    /// <param name="share">1 for a real audience; n/N for the expectation of a random audience of n out of N.</param>
    public CampaignTotals Totals(string name, IReadOnlyCollection<ScoredCustomer> audience, double share)
    {
        var messages = (int)Math.Round(audience.Count * share);
        var buyers = audience.Sum(s => s.Probability) * share;
        var gross = audience.Sum(s => s.Gross) * share;
        var margin = audience.Sum(s => s.Margin) * share;
        var discountCost = gross * discount;
        var messageCost = messages * request.CostPerMessage;
        var profit = margin - discountCost - messageCost;
        var hasUplift = audience.Count > 0 && audience.All(s => s.Uplift is not null);
        double? incrementalBuyers = hasUplift ? audience.Sum(s => s.Uplift!.Value) * share : null;
        double? incrementalProfit = hasUplift ? audience.Sum(s => IncrementalProfit(s)!.Value) * share : null;
        var spend = discountCost + messageCost;
        return new CampaignTotals(name, messages, buyers, messages == 0 ? 0 : buyers / messages, gross * (1 - discount), discountCost,
            messageCost, profit, spend > 0 ? profit / spend : 0, incrementalBuyers, incrementalProfit);
    }
}
