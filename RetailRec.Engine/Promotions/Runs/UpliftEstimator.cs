using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Promotions.Features;
using RetailRec.Engine.Promotions.Uplift;

namespace RetailRec.Engine.Promotions.Runs;

/// <summary>
/// Uplift per customer for a new campaign: a two-model uplift fitted on every promotion-log outcome whose horizon
/// closed before the scoring date, applied to each active customer's features for the campaign's products as of the
/// scoring date (mean over the products). This is what makes the campaign's ROI incremental.
/// </summary>
public static class UpliftEstimator
{
    public static IReadOnlyDictionary<string, double> ForCampaign(RetailLog log, IReadOnlyList<PromotionLogEntry> entries, int horizonDays,
        DateTime scoringDate, IReadOnlyList<int> items)
    {
        var outcomes = PromotionOutcomes.Derive(log, entries, horizonDays, scoringDate);
        if (outcomes.Count == 0) throw new ArgumentException("no promotion-log row matches this dataset with a completed horizon before the scoring date");
        if (outcomes.All(o => o.Entry.Treated) || outcomes.All(o => !o.Entry.Treated))
            throw new ArgumentException("the promotion log needs both treated and control rows to estimate uplift");
        var features = new PropensityFeatureBuilder();
        var model = TwoModelUplift.Fit(UpliftRows.Build(log, outcomes, features));
        var history = new PurchaseHistory(log, scoringDate);
        var customers = history.ActiveCustomers();
        var sum = new double[customers.Length];
        foreach (var item in items)
        {
            var m = features.Build(history, item, customers);
            for (var r = 0; r < customers.Length; r++) sum[r] += model.Uplift(m.Row(r));
        }
        var result = new Dictionary<string, double>(customers.Length, StringComparer.Ordinal);
        for (var r = 0; r < customers.Length; r++) result[log.CustomerIds[customers[r]]] = sum[r] / items.Count;
        return result;
    }
}
