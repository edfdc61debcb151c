using RetailRec.Engine.Promotions.Calibration;
using RetailRec.Engine.Promotions.Models;

namespace RetailRec.Engine.Promotions.Campaigns;

/// <summary>
/// What a marketer asks for: which products (stock codes and/or a description keyword such as "LANTERN"), the offer,
/// the economics, and who may be contacted. Give <see cref="AudienceSize"/> or <see cref="Budget"/> (budget / cost per
/// message); with neither, everyone eligible with a positive expected profit is chosen.
/// </summary>
public sealed record CampaignRequest
{
    public IReadOnlyList<string> StockCodes { get; init; } = [];
    public string? Keyword { get; init; }
    /// <summary>At most this many products are taken from a keyword match (the most bought recently).</summary>
    public int MaxProducts { get; init; } = 20;
    public double DiscountPercent { get; init; } = 10;
    public double CostPerMessage { get; init; } = 0.10;
    /// <summary>Margin per unit in currency; null = <see cref="MarginShare"/> of each product's price.</summary>
    public double? UnitMargin { get; init; }
    public double MarginShare { get; init; } = 0.4;
    public int HorizonDays { get; init; } = 30;
    public int? AudienceSize { get; init; }
    public double? Budget { get; init; }
    /// <summary>Customer id -> segment name (e.g. from the segmentation page), used with <see cref="Segments"/>.</summary>
    public IReadOnlyDictionary<string, string>? SegmentOf { get; init; }
    public IReadOnlyCollection<string>? Segments { get; init; }
    public IReadOnlyCollection<string>? Countries { get; init; }
    /// <summary>Scoring date; null = the day after the last invoice.</summary>
    public DateTime? ScoringDate { get; init; }
    /// <summary>Contact-frequency cap: customers with this many contacts in <see cref="RecentContacts"/> are skipped.</summary>
    public int? MaxRecentContacts { get; init; }
    public IReadOnlyDictionary<string, int>? RecentContacts { get; init; }
    /// <summary>Fairness warning when a country's share of targets / its share of expected buyers leaves [1/r, r].</summary>
    public double FairnessRatio { get; init; } = 2.0;
    /// <summary>The purchase-probability model; logistic regression explains itself exactly, the MLP can fit interactions.</summary>
    public PropensityModelKind Model { get; init; } = PropensityModelKind.Logistic;
    /// <summary>How probabilities are calibrated on the validation window before the economics use them.</summary>
    public CalibrationMethod Calibration { get; init; } = CalibrationMethod.Platt;
    /// <summary>A recommender family of the model catalogue (e.g. "ItemKNN") whose ranks become a feature; null = none.</summary>
    public string? RecommenderFeature { get; init; }
}
