namespace RetailRec.Engine.Marketing.Segmentation;

/// <summary>
/// Default recommended actions per segment (grid and marketing names). They are plain editable text: the UI stores
/// the user's overrides and passes them in; anything not overridden keeps its default.
/// </summary>
public static class SegmentActions
{
    public static IReadOnlyDictionary<string, string> Defaults { get; } = new Dictionary<string, string>
    {
        [RfSegmentGrid.Champions] = "Reward: early access to new ranges, loyalty perks; no discounts needed.",
        [RfSegmentGrid.Loyal] = "Upsell higher-value lines; ask for reviews and referrals.",
        [RfSegmentGrid.PotentialLoyalists] = "Membership or loyalty offer; recommend complementary items.",
        [RfSegmentGrid.New] = "Onboarding sequence; a second-order incentive.",
        [RfSegmentGrid.Promising] = "Build the relationship: free shipping threshold, trending items.",
        [RfSegmentGrid.NeedAttention] = "Limited-time offer based on past purchases.",
        [RfSegmentGrid.AboutToSleep] = "Reactivate with popular items and a small discount.",
        [RfSegmentGrid.AtRisk] = "Win-back discount and a personal reminder of favourite items.",
        [RfSegmentGrid.CantLose] = "Personal outreach; win-back offer on their favourite lines.",
        [RfSegmentGrid.Hibernating] = "Low-cost reactivation: clearance items and seasonal campaigns.",
        [RfSegmentGrid.Lost] = "Last-chance campaign; otherwise stop spending on them.",
        [MarketingSegmentMap.Champions] = "Reward and retain: loyalty perks, new ranges first.",
        [MarketingSegmentMap.Potential] = "Grow: second-order incentives and complementary items.",
        [MarketingSegmentMap.AtRisk] = "Win-back discount plus reminders of familiar items.",
        [MarketingSegmentMap.LowValue] = "Low-cost campaigns: clearance and slow-moving stock.",
    };

    public static string For(string segment, IReadOnlyDictionary<string, string>? overrides = null) =>
        overrides is not null && overrides.TryGetValue(segment, out var o) ? o
        : Defaults.TryGetValue(segment, out var d) ? d : "";
}
