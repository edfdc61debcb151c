using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Engine.Marketing.Segmentation;

/// <summary>
/// Computes <see cref="CustomerFeatures"/> for every customer with at least one valid purchase strictly before the
/// analysis date. Customers who only returned goods have no purchase to measure recency from and are left out.
/// </summary>
public static class CustomerFeatureCalculator
{
    public static IReadOnlyList<CustomerFeatures> Compute(RetailLog log, DateTime analysisDate)
    {
        var n = log.CustomerCount;
        var first = new DateTime[n];
        var last = new DateTime[n];
        var baskets = new int[n];
        var weekendBaskets = new int[n];
        var basketItems = new long[n];
        var sales = new double[n];
        var units = new long[n];
        Array.Fill(first, DateTime.MaxValue);
        Array.Fill(last, DateTime.MinValue);

        foreach (var b in log.Baskets)
        {
            if (b.Time >= analysisDate) continue;
            var c = b.Customer;
            baskets[c]++;
            basketItems[c] += b.Items.Length;
            if (b.Time.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) weekendBaskets[c]++;
            if (b.Time < first[c]) first[c] = b.Time;
            if (b.Time > last[c]) last[c] = b.Time;
        }

        // Distinct items per customer: a bitmap-free approach via one HashSet per active customer is fine at 4k x 100s.
        var distinct = new HashSet<int>?[n];
        foreach (var l in log.Lines)
        {
            if (l.Time >= analysisDate) continue;
            sales[l.Customer] += l.Revenue;
            units[l.Customer] += l.Quantity;
            (distinct[l.Customer] ??= []).Add(l.Item);
        }

        var returns = new double[n];
        foreach (var r in log.Returns)
            if (r.Time < analysisDate) returns[r.Customer] += r.Value;

        var result = new List<CustomerFeatures>();
        for (var c = 0; c < n; c++)
        {
            if (baskets[c] == 0) continue;
            var f = baskets[c];
            result.Add(new CustomerFeatures(
                Customer: c,
                CustomerId: log.CustomerIds[c],
                RecencyDays: (analysisDate.Date - last[c].Date).Days,
                Frequency: f,
                Monetary: sales[c] - returns[c],
                SalesValue: sales[c],
                ReturnValue: returns[c],
                ReturnRate: sales[c] > 0 ? returns[c] / sales[c] : 0,
                AvgBasketItems: basketItems[c] / (double)f,
                AvgBasketUnits: units[c] / (double)f,
                AvgBasketValue: sales[c] / f,
                DistinctItems: distinct[c]?.Count ?? 0,
                WeekendShare: weekendBaskets[c] / (double)f,
                TenureDays: (analysisDate.Date - first[c].Date).Days));
        }
        return result;
    }
}
