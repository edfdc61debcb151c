using RetailRec.Engine.DemoData;
using RetailRec.Engine.Domain;
using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Tests.Engine.DemoData;

/// <summary>Shape facts measured on the generated output (not on the generator's settings).</summary>
public class DemoDataShapeTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private readonly DemoDataset _data = fixture.Data;

    [Fact]
    public void Default_size_is_about_100k_lines_and_numbers_lines_from_one()
    {
        Assert.InRange(_data.Records.Count, 95_000, 105_000);
        Assert.Equal(Enumerable.Range(1, _data.Records.Count).Select(i => (long)i), _data.Records.Select(r => r.LineNumber));
        Assert.True(_data.Records.Zip(_data.Records.Skip(1)).All(p => p.First.InvoiceDate <= p.Second.InvoiceDate), "records are in time order");
    }

    [Fact]
    public void Every_november_earns_more_than_the_mean_month()
    {
        var byMonth = fixture.ProductSales.GroupBy(r => new DateTime(r.InvoiceDate.Year, r.InvoiceDate.Month, 1))
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Quantity * r.Price));
        var mean = byMonth.Values.Average();
        Assert.Equal(25, byMonth.Count); // Dec 2009 .. Dec 2011
        Assert.True(byMonth[new DateTime(2010, 11, 1)] > 1.3 * mean);
        Assert.True(byMonth[new DateTime(2011, 11, 1)] > 1.3 * mean);
        Assert.Equal(byMonth.Values.Max(), Math.Max(byMonth[new DateTime(2010, 11, 1)], byMonth[new DateTime(2011, 11, 1)]));
    }

    [Fact]
    public void Churned_customers_buy_earlier_but_not_in_the_final_months()
    {
        var quietFrom = _data.Options.End.AddDays(-_data.Options.ChurnQuietDays);
        var churned = _data.Customers.Where(c => c.Tier == DemoTier.Churned).Select(c => c.CustomerId).ToHashSet();
        Assert.InRange(churned.Count, _data.Customers.Count / 6, _data.Customers.Count / 3);
        var theirLines = _data.Records.Where(r => r.CustomerId is not null && churned.Contains(r.CustomerId)).ToList();
        Assert.True(theirLines.Count > 1000);
        Assert.DoesNotContain(theirLines, r => r.InvoiceDate >= quietFrom);
        // Active tiers do buy in that period, so the silence is the churn, not the calendar.
        var frequent = _data.Customers.Where(c => c.Tier == DemoTier.Frequent).Select(c => c.CustomerId).ToHashSet();
        Assert.True(_data.Records.Count(r => r.CustomerId is not null && frequent.Contains(r.CustomerId) && r.InvoiceDate >= quietFrom) > 1000);
    }

    [Fact]
    public void Cancellation_and_missing_customer_shares_lie_in_the_configured_band()
    {
        var n = (double)_data.Records.Count;
        var cancelled = _data.Records.Count(r => r.Invoice.StartsWith('C')) / n;
        var missing = _data.Records.Count(r => string.IsNullOrEmpty(r.CustomerId)) / n;
        Assert.InRange(cancelled, _data.Options.CancellationShare * 0.8, _data.Options.CancellationShare * 1.2);
        Assert.InRange(missing, _data.Options.MissingCustomerShare * 0.8, _data.Options.MissingCustomerShare * 1.2);
        Assert.All(_data.Records.Where(r => r.Invoice.StartsWith('C')), r => Assert.True(r.Quantity < 0));
    }

    [Fact]
    public void Each_cancellation_mirrors_an_earlier_sale_of_the_same_customer_item_and_price()
    {
        var sales = fixture.ProductSales.Where(r => r.CustomerId is not null)
            .ToLookup(r => (r.CustomerId, r.StockCode));
        foreach (var c in _data.Records.Where(r => r.Invoice.StartsWith('C')))
            Assert.Contains(sales[(c.CustomerId, c.StockCode)],
                s => s.InvoiceDate <= c.InvoiceDate && s.Price == c.Price && s.Quantity >= -c.Quantity);
        Assert.Contains(_data.Records, r => r.Quantity < 0 && !r.Invoice.StartsWith('C')); // plain returns too
    }

    [Fact]
    public void Planted_theme_pairs_co_occur_far_above_chance()
    {
        var baskets = fixture.ProductSales.GroupBy(r => r.Invoice).Select(g => g.Select(r => r.StockCode).ToHashSet()).ToList();
        var count = baskets.SelectMany(b => b).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        var pairs = _data.Themes.SelectMany(t => from a in t.Products from b in t.Products where a < b
                select (A: _data.Products[a].StockCode, B: _data.Products[b].StockCode))
            .Select(p => (p.A, p.B, Both: baskets.Count(b => b.Contains(p.A) && b.Contains(p.B))))
            .OrderByDescending(p => p.Both).Take(20).ToList();
        foreach (var (a, b, both) in pairs)
        {
            var lift = both * (double)baskets.Count / (count[a] * (double)count[b]);
            Assert.True(lift > 3, $"{a}+{b}: lift {lift:F2}");
        }
    }

    [Fact]
    public void Some_items_die_and_some_launch_late()
    {
        var end = _data.Options.End;
        var firstSale = fixture.ProductSales.GroupBy(r => r.StockCode).ToDictionary(g => g.Key, g => g.Min(r => r.InvoiceDate));
        var lastSale = fixture.ProductSales.GroupBy(r => r.StockCode).ToDictionary(g => g.Key, g => g.Max(r => r.InvoiceDate));
        var dead = lastSale.Count(kv => kv.Value < end.AddDays(-60));
        var late = firstSale.Count(kv => kv.Value > _data.Options.Start.AddDays(120));
        Assert.True(dead >= _data.Products.Count / 25, $"only {dead} items without sales in the last 60 days");
        Assert.True(late >= _data.Products.Count / 25, $"only {late} items first sold after four months");
    }

    [Fact]
    public void Customers_re_buy_their_favourites()
    {
        var seen = new HashSet<(string, string)>();
        int repeats = 0, total = 0;
        foreach (var r in fixture.ProductSales.Where(r => r.CustomerId is not null))
        {
            total++;
            if (!seen.Add((r.CustomerId!, r.StockCode))) repeats++;
        }
        Assert.InRange(repeats / (double)total, 0.25, 0.9);
    }

    [Fact]
    public void Several_countries_with_the_united_kingdom_dominant()
    {
        var byCountry = _data.Records.GroupBy(r => r.Country).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(byCountry.Count >= 5);
        Assert.InRange(byCountry["United Kingdom"] / (double)_data.Records.Count, 0.7, 0.95);
    }

    [Fact]
    public void Stock_codes_look_real_and_non_product_codes_appear()
    {
        var code = new System.Text.RegularExpressions.Regex("^[0-9]{5}[A-Z]?$");
        Assert.All(_data.Products, p => Assert.Matches(code, p.StockCode));
        Assert.Equal(_data.Products.Count, _data.Products.Select(p => p.StockCode).Distinct().Count());
        var nonProduct = _data.Records.Where(r => (r.Flags & LineFlags.NonProduct) != 0).Select(r => r.StockCode).ToHashSet();
        Assert.Equal(["DOT", "M", "POST"], nonProduct.Order());
        Assert.Contains(_data.Products, p => p.Description.Contains(',')); // exercises CSV quoting
    }

    [Fact]
    public void The_retail_log_builder_accepts_the_records_as_they_are()
    {
        var log = RetailLogBuilder.Build(_data.Records);
        Assert.Equal(_data.Customers.Count, log.CustomerCount);
        Assert.Equal(fixture.ProductSales.Count(r => r.CustomerId is not null), log.Lines.Length);
        Assert.True(log.Returns.Length > 0);
        Assert.Equal(_data.Options.End.Date, log.DefaultAnalysisDate);
    }
}
