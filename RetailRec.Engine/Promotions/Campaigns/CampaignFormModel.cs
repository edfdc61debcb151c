using RetailRec.Engine.Promotions.Runs;
using RetailRec.Engine.Promotions.Calibration;
using RetailRec.Engine.Promotions.Models;

namespace RetailRec.Engine.Promotions.Campaigns;

public enum AudienceMode { TopN, Budget, Profitable }
public enum MarginMode { ShareOfPrice, PerUnit }

/// <summary>
/// The campaign form's editable state, its defaults and validation, and the job parameters it turns into. The Campaigns
/// page binds to it and POST /api/campaigns fills it, so both accept exactly the same campaigns with the same messages.
/// </summary>
public sealed class CampaignFormModel
{
    public string Name { get; set; } = "";
    public List<string> StockCodes { get; } = [];
    public string Keyword { get; set; } = "";
    public double DiscountPercent { get; set; } = 10;
    public double CostPerMessage { get; set; } = 0.10;
    public MarginMode Margin { get; set; } = MarginMode.ShareOfPrice;
    public double MarginSharePercent { get; set; } = 40;
    public double UnitMargin { get; set; } = 1.0;
    public int HorizonDays { get; set; } = 30;
    public AudienceMode Audience { get; set; } = AudienceMode.TopN;
    public int AudienceSize { get; set; } = 500;
    public double Budget { get; set; } = 50;
    public IEnumerable<string> Countries { get; set; } = [];
    public IEnumerable<string> Segments { get; set; } = [];
    public bool CapContacts { get; set; }
    public int MaxRecentContacts { get; set; } = 2;
    public bool UseUplift { get; set; } = true;
    public PropensityModelKind PropensityModel { get; set; } = PropensityModelKind.Logistic;
    public CalibrationMethod Calibration { get; set; } = CalibrationMethod.Platt;
    /// <summary>"" = no recommender feature, else one of <see cref="RecommenderFeatures"/>.</summary>
    public string RecommenderFeature { get; set; } = "";

    /// <summary>
    /// The recommenders offered as a feature: the two whose cost and effect the promo bench measures (each is fitted three
    /// times per campaign, so the heavy matrix models would make a campaign take minutes).
    /// </summary>
    public static readonly IReadOnlyList<string> RecommenderFeatures = ["ItemKNN", "RepeatAware"];

    /// <summary>User-facing problems; empty when the form can be submitted.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name)) problems.Add("Give the campaign a name.");
        if (StockCodes.Count == 0 && string.IsNullOrWhiteSpace(Keyword)) problems.Add("Pick at least one product or enter a description keyword.");
        if (DiscountPercent is < 0 or > 90) problems.Add("The discount must lie between 0 and 90 %.");
        if (CostPerMessage < 0) problems.Add("The cost per message cannot be negative.");
        if (HorizonDays is < 7 or > 180) problems.Add("The horizon must lie between 7 and 180 days.");
        if (Audience == AudienceMode.TopN && AudienceSize < 1) problems.Add("The audience needs at least one customer.");
        if (Audience == AudienceMode.Budget && (Budget <= 0 || CostPerMessage <= 0)) problems.Add("A budget needs a positive budget and cost per message.");
        if (Margin == MarginMode.ShareOfPrice && MarginSharePercent is <= 0 or > 100) problems.Add("The margin share must lie between 0 and 100 %.");
        if (RecommenderFeature != "" && !RecommenderFeatures.Contains(RecommenderFeature)) problems.Add($"Unknown recommender \"{RecommenderFeature}\".");
        return problems;
    }

    public CampaignJobParameters ToParameters(int datasetId) => new()
    {
        DatasetId = datasetId,
        Name = Name.Trim(),
        StockCodes = StockCodes.ToArray(),
        Keyword = string.IsNullOrWhiteSpace(Keyword) ? null : Keyword.Trim(),
        DiscountPercent = DiscountPercent,
        CostPerMessage = CostPerMessage,
        UnitMargin = Margin == MarginMode.PerUnit ? UnitMargin : null,
        MarginShare = MarginSharePercent / 100,
        HorizonDays = HorizonDays,
        AudienceSize = Audience == AudienceMode.TopN ? AudienceSize : null,
        Budget = Audience == AudienceMode.Budget ? Budget : null,
        Countries = Countries.Any() ? Countries.ToArray() : null,
        Segments = Segments.Any() ? Segments.ToArray() : null,
        MaxRecentContacts = CapContacts ? MaxRecentContacts : null,
        UseUplift = UseUplift,
        Model = PropensityModel,
        Calibration = Calibration,
        RecommenderFeature = RecommenderFeature == "" ? null : RecommenderFeature,
    };
}
