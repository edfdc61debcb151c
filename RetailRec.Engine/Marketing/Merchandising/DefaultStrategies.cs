using RetailRec.Engine.Marketing.Segmentation;

namespace RetailRec.Engine.Marketing.Merchandising;

/// <summary>The shipped strategies, one per marketing segment (docs/DEFINITIONS.md lists the reasoning).</summary>
public static class DefaultStrategies
{
    public static IReadOnlyList<MerchandisingStrategy> All { get; } =
    [
        new()
        {
            Name = "Champions: model-led", Segment = MarketingSegmentMap.Champions,
            Description = "Model-driven, fast-dominant lists with a little slow stock and one new discovery.",
            ModelShare = 0.8, FamiliarShare = 0.1, SegmentShare = 0.1, MinSlowShare = 0.1, MaxSlowShare = 0.2, OneNewThing = true,
        },
        new()
        {
            Name = "Potential: conservative hybrid", Segment = MarketingSegmentMap.Potential,
            Description = "Model, segment favourites and familiar items; at most one slow item.",
            ModelShare = 0.5, FamiliarShare = 0.2, SegmentShare = 0.3, MinSlowShare = 0, MaxSlowShare = 0.1,
        },
        new()
        {
            Name = "At risk: familiar + controlled slow", Segment = MarketingSegmentMap.AtRisk,
            Description = "Mostly items the customer already buys, plus a controlled dose of slow stock.",
            ModelShare = 0.2, FamiliarShare = 0.6, SegmentShare = 0.2, MinSlowShare = 0.1, MaxSlowShare = 0.3,
        },
        new()
        {
            Name = "Low value: balanced clearance", Segment = MarketingSegmentMap.LowValue,
            Description = "Balanced fast/slow exposure; dead stock may appear as clearance.",
            ModelShare = 0.4, FamiliarShare = 0.2, SegmentShare = 0.4, MinSlowShare = 0.4, MaxSlowShare = 0.5, AllowDead = true,
        },
    ];

    /// <summary>The strategy for a segment: the user's list first, then the shipped default, then a plain model list.</summary>
    public static MerchandisingStrategy For(string segment, IReadOnlyList<MerchandisingStrategy>? strategies) =>
        strategies?.FirstOrDefault(s => s.Segment == segment)
        ?? All.FirstOrDefault(s => s.Segment == segment)
        ?? new MerchandisingStrategy { Name = "Model only", Segment = segment };
}
