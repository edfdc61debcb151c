using RetailRec.Engine.Promotions.Calibration;

namespace RetailRec.Engine.Promotions.Campaigns;

/// <summary>One customer chosen for the campaign, best first.</summary>
public sealed record CampaignTarget(
    string CustomerId, string Country, double Probability, double ExpectedUnits, double ExpectedRevenue, double ExpectedProfit,
    IReadOnlyList<string> Reasons, int SuggestedDiscountPercent, DayOfWeek SendDay, int SendHour, double? Uplift);

/// <summary>
/// Expected outcome of contacting an audience. Revenue is after the discount; profit = margin after discount on the
/// expected units minus message cost; ROI = profit / (discount cost + message cost). Propensity-based figures count
/// every expected buyer, also those who would have bought anyway; <see cref="IncrementalBuyers"/> and
/// <see cref="IncrementalProfit"/> are filled when an uplift model is supplied.
/// </summary>
public sealed record CampaignTotals(
    string Audience, int Messages, double ExpectedBuyers, double ConversionRate, double ExpectedRevenue, double DiscountCost,
    double MessageCost, double ExpectedProfit, double ExpectedRoi, double? IncrementalBuyers, double? IncrementalProfit);

/// <summary>Targeting by country against the country's share of expected buyers.</summary>
public sealed record FairnessRow(string Country, int Eligible, int Targeted, double TargetingRate, double ShareOfTargets,
    double ShareOfExpectedBuyers, double MeanProbabilityTargeted, bool Warning);

public sealed record CampaignPlan(
    IReadOnlyList<string> StockCodes, IReadOnlyList<string> Descriptions, DateTime ScoringDate, int Eligible,
    IReadOnlyList<CampaignTarget> Targets, CampaignTotals Targeted, CampaignTotals Broadcast, CampaignTotals RandomAudience,
    IReadOnlyList<FairnessRow> Fairness, IReadOnlyList<string> Warnings, CampaignModelInfo? Model = null);

/// <summary>
/// The model behind a campaign's probabilities: its name, the features it saw (the recommender feature included when
/// used), how many products it was pooled over, and how its probabilities were calibrated. Null on campaigns saved
/// before this was recorded.
/// </summary>
public sealed record CampaignModelInfo(string Name, IReadOnlyList<string> Features, string? Recommender, int PooledProducts, CalibrationReport Calibration);
