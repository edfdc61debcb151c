namespace RetailRec.Engine.Marketing.Merchandising;

/// <summary>
/// A named rule set for the recommendation lists of one marketing segment (docs/DEFINITIONS.md, "Strategies").
/// Plain init properties so System.Text.Json round-trips it and the UI can edit every field.
/// Source shares are relative weights (normalised when they do not sum to 1). The slow band counts slow AND dead
/// items ("clearance share"): dead is the slowest kind of slow stock, and only appears when <see cref="AllowDead"/>.
/// </summary>
public sealed record MerchandisingStrategy
{
    public string Name { get; init; } = "";
    public string Segment { get; init; } = "";
    public string Description { get; init; } = "";
    public int ListLength { get; init; } = 10;

    /// <summary>Weight of the relevance model's ranking.</summary>
    public double ModelShare { get; init; } = 1;
    /// <summary>Weight of familiar items: what this customer already buys, most often first.</summary>
    public double FamiliarShare { get; init; }
    /// <summary>Weight of the segment's favourites (most distinct buyers within the segment).</summary>
    public double SegmentShare { get; init; }

    public double MinSlowShare { get; init; }
    public double MaxSlowShare { get; init; } = 1;
    public bool AllowDead { get; init; }

    /// <summary>Reserve the last slot for the best-ranked item the customer has never bought.</summary>
    public bool OneNewThing { get; init; }

    /// <summary>Problems that make the strategy unusable; empty when it is valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Name)) errors.Add("name is empty");
        if (ListLength is < 1 or > 100) errors.Add("list length must be 1..100");
        if (ModelShare < 0 || FamiliarShare < 0 || SegmentShare < 0) errors.Add("source shares must not be negative");
        if (ModelShare + FamiliarShare + SegmentShare <= 0) errors.Add("at least one source share must be positive");
        if (MinSlowShare is < 0 or > 1 || MaxSlowShare is < 0 or > 1) errors.Add("slow shares must be within 0..1");
        if (MinSlowShare > MaxSlowShare) errors.Add("the minimum slow share exceeds the maximum");
        else if (SlowBand.RawMin(this, ListLength) > SlowBand.For(this, ListLength).Max)
            errors.Add($"no whole number of slow items in a list of {ListLength} lies within {MinSlowShare:P0}..{MaxSlowShare:P0}");
        return errors;
    }
}

/// <summary>
/// The slow band as item counts for a list of a given length: min = ceil(MinSlowShare x n), max = floor(MaxSlowShare x n).
/// When rounding makes min exceed max (short lists), the maximum wins: pushing less slow stock than asked is the safer error.
/// </summary>
public static class SlowBand
{
    private const double Eps = 1e-9;

    public static int RawMin(MerchandisingStrategy s, int n) => (int)Math.Ceiling(s.MinSlowShare * n - Eps);

    public static (int Min, int Max) For(MerchandisingStrategy s, int n)
    {
        var max = (int)Math.Floor(s.MaxSlowShare * n + Eps);
        return (Math.Min(RawMin(s, n), max), max);
    }
}
