using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Engine.Recommendations.Runs;

public sealed record BasketLine(string StockCode, string Description, int Quantity, double Price);

public sealed record CustomerBasket(string Invoice, DateTime Time, int Items, int Units, double Value, IReadOnlyList<BasketLine> Lines);

public sealed record MonthlySpend(DateTime Month, double Spend, int Invoices);

/// <summary>One customer's purchase history from the cleaned log: baskets newest first, spend per calendar month.</summary>
public sealed record CustomerTimeline(string CustomerId, string Country, IReadOnlyList<CustomerBasket> Baskets, IReadOnlyList<MonthlySpend> Months,
    double TotalSpend, DateTime FirstPurchase, DateTime LastPurchase)
{
    public static CustomerTimeline? Of(RetailLog log, string customerId)
    {
        if (log.CustomerIndexOf(customerId) is not int c) return null;
        var baskets = log.Baskets.Where(b => b.Customer == c).ToList();
        var lines = log.Lines.Where(l => l.Customer == c).GroupBy(l => l.Basket).ToDictionary(g => g.Key, g => g.ToList());
        var rows = baskets.OrderByDescending(b => b.Time).Select(b =>
        {
            var ls = lines.GetValueOrDefault(b.Index) ?? [];
            return new CustomerBasket(b.Invoice, b.Time, b.Items.Length, ls.Sum(l => l.Quantity), b.Value,
                ls.Select(l => new BasketLine(log.ItemCodes[l.Item], log.ItemDescriptions[l.Item], l.Quantity, l.Price)).ToList());
        }).ToList();
        var months = baskets.GroupBy(b => new DateTime(b.Time.Year, b.Time.Month, 1))
            .OrderBy(g => g.Key)
            .Select(g => new MonthlySpend(g.Key, Math.Round(g.Sum(b => b.Value), 2), g.Count()))
            .ToList();
        return new CustomerTimeline(customerId, log.CustomerCountries[c], rows, months, Math.Round(baskets.Sum(b => b.Value), 2),
            baskets.Count == 0 ? default : baskets.Min(b => b.Time), baskets.Count == 0 ? default : baskets.Max(b => b.Time));
    }
}
