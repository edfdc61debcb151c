using RetailRec.Engine.Jobs;
using RetailRec.Engine.Promotions.Calibration;
using RetailRec.Engine.Promotions.Campaigns;
using RetailRec.Engine.Promotions.CrossSell;
using RetailRec.Engine.Promotions.Evaluation;
using RetailRec.Engine.Runs;

namespace RetailRec.Engine.Promotions.Runs;

/// <summary>The Promotions feature's job kinds, the runs they store (one name for a job and its run) and their artifacts.</summary>
public static class PromotionJobs
{
    public static readonly JobKind<CampaignJobParameters> Campaign = new("campaign", "Campaign");
    public static readonly JobKind<BacktestJobParameters> Backtest = new("promo-backtest", "Promotion backtest");
    public static readonly JobKind<UpliftJobParameters> Uplift = new("uplift", "Uplift analysis");

    public static readonly RunKind CampaignRun = new("campaign");
    public static readonly RunKind BacktestRun = new("promo-backtest");
    public static readonly RunKind UpliftRun = new("uplift");

    public static class Artifacts
    {
        public static readonly ArtifactKey<CampaignPlan> Plan = new("plan");
        public static readonly ArtifactKey<CrossSellResult> CrossSell = new("crosssell");
        public static readonly ArtifactKey<BacktestResult> Backtest = new("backtest");
        public static readonly ArtifactKey<CalibrationResult> Calibration = new("calibration");
        public static readonly ArtifactKey<UpliftReport> Uplift = new("uplift");
    }
}
