using RetailRec.Engine.Marketing.Merchandising;

namespace RetailRec.Web.Components.Pages.Marketing;

/// <summary>
/// Mutable form model of one <see cref="MerchandisingStrategy"/> (the record is immutable). Slow shares are edited as
/// whole percentages, the way people think about them; validation is always the engine's own.
/// </summary>
public sealed class StrategyDraft(string segment)
{
    public string Segment { get; } = segment;
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public int ListLength { get; set; } = 10;
    public double ModelShare { get; set; } = 1;
    public double FamiliarShare { get; set; }
    public double SegmentShare { get; set; }
    public int MinSlowPercent { get; set; }
    public int MaxSlowPercent { get; set; } = 100;
    public bool AllowDead { get; set; }
    public bool OneNewThing { get; set; }

    public static StrategyDraft From(MerchandisingStrategy s) => new(s.Segment)
    {
        Name = s.Name, Description = s.Description, ListLength = s.ListLength, ModelShare = s.ModelShare, FamiliarShare = s.FamiliarShare,
        SegmentShare = s.SegmentShare, MinSlowPercent = (int)Math.Round(s.MinSlowShare * 100), MaxSlowPercent = (int)Math.Round(s.MaxSlowShare * 100),
        AllowDead = s.AllowDead, OneNewThing = s.OneNewThing,
    };

    public MerchandisingStrategy ToStrategy() => new()
    {
        Name = Name.Trim(), Segment = Segment, Description = Description.Trim(), ListLength = ListLength, ModelShare = ModelShare,
        FamiliarShare = FamiliarShare, SegmentShare = SegmentShare, MinSlowShare = MinSlowPercent / 100.0, MaxSlowShare = MaxSlowPercent / 100.0,
        AllowDead = AllowDead, OneNewThing = OneNewThing,
    };

    public IReadOnlyList<string> Errors => ToStrategy().Validate();

    /// <summary>The source weights as shares of the list, as the list builder normalises them.</summary>
    public string SourceMix
    {
        get
        {
            var total = ModelShare + FamiliarShare + SegmentShare;
            if (total <= 0) return "–";
            return $"model {MarketingDisplay.Pct(ModelShare / total)} · familiar {MarketingDisplay.Pct(FamiliarShare / total)} · segment {MarketingDisplay.Pct(SegmentShare / total)}";
        }
    }

    /// <summary>The slow band as whole items of a list of <see cref="ListLength"/>, as the engine applies it.</summary>
    public string SlowBandItems
    {
        get
        {
            var s = ToStrategy();
            if (s.Validate().Count > 0) return "–";
            var (min, max) = SlowBand.For(s, ListLength);
            return min == max ? $"{min} of {ListLength} items slow" : $"{min}–{max} of {ListLength} items slow";
        }
    }
}
