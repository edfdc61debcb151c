using RetailRec.Engine.Promotions.Campaigns;

namespace RetailRec.Engine.Promotions.Runs;

/// <summary>
/// The ROI a campaign is judged by: with uplift, incremental profit / (discount + message cost), i.e. only purchases
/// the offer causes count as its return; without uplift, the propensity-based <see cref="CampaignTotals.ExpectedRoi"/>.
/// </summary>
public static class CampaignRoi
{
    public static double Of(CampaignTotals t)
    {
        if (t.IncrementalProfit is not { } incremental) return t.ExpectedRoi;
        var spend = t.DiscountCost + t.MessageCost;
        return spend > 0 ? incremental / spend : 0;
    }
}
