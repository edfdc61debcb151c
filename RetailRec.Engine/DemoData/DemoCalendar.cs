namespace RetailRec.Engine.DemoData;

/// <summary>
/// Daily trading weight over the demo period: a retail year that builds from September to a November peak,
/// no Saturday trading (the real file has none), and inverse-CDF sampling of a day within a customer's active span.
/// </summary>
internal sealed class DemoCalendar
{
    // Jan..Dec. November is the peak as in the real data; December is quiet after the first fortnight.
    private static readonly double[] MonthFactor = [0.7, 0.7, 0.85, 0.8, 0.9, 0.85, 0.9, 0.9, 1.25, 1.4, 1.9, 0.9];

    private readonly double[] _cumulative; // _cumulative[d] = total weight of days before day d

    public DateTime Start { get; }
    public int Days { get; }

    public DemoCalendar(DateTime start, DateTime end)
    {
        Start = start.Date;
        Days = (int)(end.Date - Start).TotalDays;
        var weights = new double[Days];
        for (var d = 0; d < Days; d++)
        {
            var day = Start.AddDays(d);
            weights[d] = day.DayOfWeek == DayOfWeek.Saturday ? 0 : MonthFactor[day.Month - 1] * (day.DayOfWeek == DayOfWeek.Sunday ? 0.6 : 1.0);
        }
        var mean = weights.Average();
        _cumulative = new double[Days + 1];
        for (var d = 0; d < Days; d++) _cumulative[d + 1] = _cumulative[d] + weights[d] / mean;
    }

    public int DayIndex(DateTime day) => Math.Clamp((int)(day.Date - Start).TotalDays, 0, Days);

    /// <summary>Trading weight of days [from, to) in "average days".</summary>
    public double Weight(int fromDay, int toDay) => _cumulative[toDay] - _cumulative[fromDay];

    /// <summary>A day in [fromDay, toDay) drawn in proportion to the trading weight.</summary>
    public int SampleDay(Random rng, int fromDay, int toDay)
    {
        var target = _cumulative[fromDay] + rng.NextDouble() * Weight(fromDay, toDay);
        int lo = fromDay, hi = toDay - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_cumulative[mid + 1] <= target) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    public bool IsTradingDay(int day) => _cumulative[day + 1] > _cumulative[day];

    /// <summary>Seasonal multiplier of Christmas goods: strong from September to mid December, weak otherwise.</summary>
    public static double ChristmasFactor(DateTime day) => day.Month switch
    {
        9 => 2.0, 10 => 3.0, 11 => 3.5, 12 => day.Day <= 15 ? 2.0 : 0.3,
        _ => 0.25,
    };
}
