namespace RetailRec.Engine.PromotionRuns;

/// <summary>Job kinds, run kinds and artifact names of the Campaigns page (one name for a job and the run it stores).</summary>
public static class PromotionRunKinds
{
    public const string Campaign = "campaign";
    public const string Backtest = "promo-backtest";
    public const string Uplift = "uplift";

    public static class Artifacts
    {
        public const string Plan = "plan";
        public const string CrossSell = "crosssell";
        public const string Backtest = "backtest";
        public const string Calibration = "calibration";
        public const string Uplift = "uplift";
    }

    /// <summary>The marketing run (another page's job) whose "customers" artifact holds each customer's segment.</summary>
    public const string MarketingRun = MarketingRuns.MarketingArtifacts.Kind;
    public const string MarketingCustomers = MarketingRuns.MarketingArtifacts.Customers;
}
