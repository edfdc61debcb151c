namespace RetailRec.Engine.Marketing.Segmentation;

/// <summary>
/// The clustering input: log-RFM (RFM is heavily right-skewed, so log1p keeps a few wholesalers from owning the
/// distance) plus behavioural features, standardised so each counts equally.
/// </summary>
public static class ClusteringFeatures
{
    public static readonly string[] Names =
    [
        "log_recency", "log_frequency", "log_monetary", "log_avg_basket_items", "log_avg_basket_value",
        "log_distinct_items", "return_rate", "weekend_share", "tenure_days",
    ];

    public static FeatureMatrix Build(IReadOnlyList<CustomerFeatures> customers)
    {
        var m = new FeatureMatrix(customers.Count, Names.Length, null, Names);
        for (var i = 0; i < customers.Count; i++)
        {
            var c = customers[i];
            m[i, 0] = Math.Log(1 + c.RecencyDays);
            m[i, 1] = Math.Log(1 + c.Frequency);
            m[i, 2] = Math.Log(1 + Math.Max(0, c.Monetary)); // net value can be negative (returns of older sales)
            m[i, 3] = Math.Log(1 + c.AvgBasketItems);
            m[i, 4] = Math.Log(1 + Math.Max(0, c.AvgBasketValue));
            m[i, 5] = Math.Log(1 + c.DistinctItems);
            m[i, 6] = Math.Min(c.ReturnRate, 1); // rates above 1 come from returns of pre-dataset purchases
            m[i, 7] = c.WeekendShare;
            m[i, 8] = c.TenureDays;
        }
        return m.Standardised();
    }
}
