namespace RetailRec.Engine.Datasets.Overview;

/// <summary>Headline figures of one dataset (docs/DEFINITIONS.md: net revenue over product lines, returns included).</summary>
public sealed record OverviewKpis(
    double Revenue, int Invoices, int Customers, int Items, DateTime? From, DateTime? To, double ReturnRate, long Lines);

public sealed record MonthPoint(string Month, double Revenue, int Invoices);

public sealed record NamedValue(string Name, double Value, string? Code = null);

public sealed record OverviewData(OverviewKpis Kpis, IReadOnlyList<MonthPoint> Monthly, IReadOnlyList<NamedValue> TopCountries,
    IReadOnlyList<NamedValue> TopProducts);
