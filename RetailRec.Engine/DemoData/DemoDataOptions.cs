namespace RetailRec.Engine.DemoData;

/// <summary>
/// Settings of the demo-data generator. The defaults mirror the shape of Online Retail II
/// (Dec 2009 .. Dec 2011, UK dominant, a few percent cancellations and guest lines) at about 100k lines.
/// The same options and seed always produce the same records.
/// </summary>
public sealed record DemoDataOptions
{
    public int Seed { get; init; } = 42;

    /// <summary>Approximate number of CSV lines (sales, cancellations, returns and non-product lines together).</summary>
    public int TargetLines { get; init; } = 100_000;

    public DateTime Start { get; init; } = new(2009, 12, 1);

    /// <summary>Exclusive end: the last invoices fall on the day before (2011-12-09 by default, like the real file).</summary>
    public DateTime End { get; init; } = new(2011, 12, 10);

    /// <summary>Share of lines that are cancellations (invoice "C...", negative quantity mirroring an earlier sale).</summary>
    public double CancellationShare { get; init; } = 0.02;

    /// <summary>Share of lines without a customer id (guest checkouts).</summary>
    public double MissingCustomerShare { get; init; } = 0.04;

    /// <summary>Share of lines that are plain returns (own invoice, negative quantity, no "C" prefix).</summary>
    public double ReturnShare { get; init; } = 0.004;

    /// <summary>Share of lines with non-product codes (POST, DOT, M).</summary>
    public double NonProductShare { get; init; } = 0.01;

    /// <summary>Churned customers make no purchase in this many days before <see cref="End"/>.</summary>
    public int ChurnQuietDays { get; init; } = 180;

    /// <summary>Dead items have no sales in this many days before <see cref="End"/> (at least).</summary>
    public int DeadQuietDays { get; init; } = 90;

    /// <summary>Average distinct products per basket; the real file has about 20, a smaller demo reads better.</summary>
    public double MeanBasketLines { get; init; } = 14;

    /// <summary>Lines per customer on average; sets the customer count from <see cref="TargetLines"/>.</summary>
    public double LinesPerCustomer { get; init; } = 50;

    /// <summary>Lines per product on average; sets the catalogue size from <see cref="TargetLines"/>.</summary>
    public double LinesPerProduct { get; init; } = 80;

    public void Validate()
    {
        if (TargetLines < 1_000) throw new ArgumentOutOfRangeException(nameof(TargetLines), "at least 1,000 lines");
        if (End <= Start.AddDays(365)) throw new ArgumentException("the demo needs at least one year between Start and End");
        if (ChurnQuietDays >= (End - Start).TotalDays / 2) throw new ArgumentOutOfRangeException(nameof(ChurnQuietDays));
        foreach (var (name, v) in new[] { (nameof(CancellationShare), CancellationShare), (nameof(MissingCustomerShare), MissingCustomerShare),
                     (nameof(ReturnShare), ReturnShare), (nameof(NonProductShare), NonProductShare) })
            if (v is < 0 or > 0.2) throw new ArgumentOutOfRangeException(name, "shares must lie in [0, 0.2]");
    }
}
