namespace RetailRec.Engine.Promotions.Runs;

/// <summary>Headline of a stored campaign (the run summary): what the history list shows without loading the plan.</summary>
public sealed record CampaignRunSummary(string Name, IReadOnlyList<string> StockCodes, int Eligible, int Targets, double ExpectedRevenue,
    double ExpectedProfit, double ExpectedRoi, double BroadcastProfit, bool UsesUplift, int CappedCustomers, double Seconds);

public sealed record BacktestRunSummary(DateTime Cutoff, int Products, int N, double ModelRocAuc, double ModelPrecisionAtN,
    double SpendRocAuc, double PastBuyersRocAuc, double Seconds);

public sealed record UpliftRunSummary(string Source, int Outcomes, string HeldOut, double TwoModelQini, double ClassTransformationQini,
    int Fatigued, double Seconds);
