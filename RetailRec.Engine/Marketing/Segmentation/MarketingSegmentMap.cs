namespace RetailRec.Engine.Marketing.Segmentation;

/// <summary>
/// The four-level marketing view. Each RF-grid segment maps to one marketing segment through
/// <see cref="GridToMarketing"/>, which the user may edit (it is a plain dictionary, JSON-serialisable).
/// </summary>
public sealed record MarketingSegmentMap(IReadOnlyDictionary<string, string> GridToMarketing)
{
    public const string Champions = "Champions";
    public const string Potential = "Potential";
    public const string AtRisk = "At_Risk";
    public const string LowValue = "Low_Value";

    public static IReadOnlyList<string> Segments { get; } = [Champions, Potential, AtRisk, LowValue];

    /// <summary>Best customers; recent or promising ones; lapsing valuable ones; the rest.</summary>
    public static MarketingSegmentMap Default { get; } = new(new Dictionary<string, string>
    {
        [RfSegmentGrid.Champions] = Champions,
        [RfSegmentGrid.Loyal] = Champions,
        [RfSegmentGrid.PotentialLoyalists] = Potential,
        [RfSegmentGrid.New] = Potential,
        [RfSegmentGrid.Promising] = Potential,
        [RfSegmentGrid.NeedAttention] = Potential,
        [RfSegmentGrid.AboutToSleep] = AtRisk,
        [RfSegmentGrid.AtRisk] = AtRisk,
        [RfSegmentGrid.CantLose] = AtRisk,
        [RfSegmentGrid.Hibernating] = LowValue,
        [RfSegmentGrid.Lost] = LowValue,
    });

    /// <summary>Unmapped grid segments fall into Low_Value so an incomplete user mapping never drops customers.</summary>
    public string Map(string gridSegment) =>
        GridToMarketing.TryGetValue(gridSegment, out var m) ? m : LowValue;
}
