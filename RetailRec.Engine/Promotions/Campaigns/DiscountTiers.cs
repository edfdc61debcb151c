namespace RetailRec.Engine.Promotions.Campaigns;

/// <summary>
/// A transparent rule of thumb for the discount to offer each customer: likely buyers need little incentive, unlikely
/// ones need more; with an uplift estimate, customers the offer does not move get none. Tiers are 0/5/10/15/20 %.
/// </summary>
public static class DiscountTiers
{
    public static int Suggest(double probability, double requestedPercent, double? uplift = null)
    {
        var requested = (int)Math.Clamp(Math.Round(requestedPercent / 5) * 5, 0, 20);
        if (uplift is { } u && u <= 0) return 0;
        return probability switch
        {
            >= 0.5 => 0,
            >= 0.2 => Math.Min(requested, 10),
            >= 0.05 => requested,
            _ => Math.Min(20, requested + 5),
        };
    }
}
