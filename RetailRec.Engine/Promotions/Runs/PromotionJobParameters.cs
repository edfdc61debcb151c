using RetailRec.Engine.Promotions.Calibration;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Promotions.Models;
using RetailRec.Engine.Runs;

namespace RetailRec.Engine.Promotions.Runs;

/// <summary>
/// A campaign request as the page sends it to the "campaign" job. <see cref="PromotionLogPath"/> is the dataset's
/// promotion log (the host knows where logs live); when present, contacts are capped with it and the ranking and ROI
/// use uplift estimated from it.
/// </summary>
public sealed record CampaignJobParameters : IDatasetJobParameters
{
    string IJobParameters.TitleSubject => $"“{Name}”";

    public required int DatasetId { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> StockCodes { get; init; } = [];
    public string? Keyword { get; init; }
    public double DiscountPercent { get; init; } = 10;
    public double CostPerMessage { get; init; } = 0.10;
    /// <summary>Margin per unit in currency; null = <see cref="MarginShare"/> of each product's price.</summary>
    public double? UnitMargin { get; init; }
    public double MarginShare { get; init; } = 0.4;
    public int HorizonDays { get; init; } = 30;
    public int? AudienceSize { get; init; }
    public double? Budget { get; init; }
    public IReadOnlyList<string>? Countries { get; init; }
    public IReadOnlyList<string>? Segments { get; init; }
    /// <summary>Contact cap: skip customers with this many offers in the last <see cref="ContactWindowDays"/> days.</summary>
    public int? MaxRecentContacts { get; init; }
    public int ContactWindowDays { get; init; } = 60;
    public string? PromotionLogPath { get; init; }
    /// <summary>False: ignore the promotion log's uplift even when there is one (plain propensity ranking).</summary>
    public bool UseUplift { get; init; } = true;
    public PropensityModelKind Model { get; init; } = PropensityModelKind.Logistic;
    public CalibrationMethod Calibration { get; init; } = CalibrationMethod.Platt;
    /// <summary>A recommender family whose ranks become a propensity feature (see <c>CampaignFormModel.RecommenderFeatures</c>); null = none.</summary>
    public string? RecommenderFeature { get; init; }
}

/// <summary>The "promo-backtest" job: products = the most-bought ones plus a seeded sample of slow sellers.</summary>
public sealed record BacktestJobParameters(int DatasetId, int TopProducts = 50, int SlowProducts = 10, int N = 100, int HorizonDays = 30) : IDatasetJobParameters;

/// <summary>The "uplift" job: the promotion log file to analyse and where it came from (for the page's caption).</summary>
public sealed record UpliftJobParameters(int DatasetId, string PromotionLogPath, string Source, int HorizonDays = 30) : IDatasetJobParameters;
