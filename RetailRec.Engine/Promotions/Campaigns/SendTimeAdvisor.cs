using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Engine.Promotions.Campaigns;

/// <summary>
/// Suggests when to send: the weekday and hour at which the customer most often placed orders before the cutoff
/// (ties go to the earlier day / hour), or the shop-wide most common ones for a customer with no history.
/// </summary>
public sealed class SendTimeAdvisor
{
    private readonly int[,] _days;
    private readonly int[,] _hours;
    private readonly DayOfWeek _shopDay;
    private readonly int _shopHour;

    public SendTimeAdvisor(RetailLog log, DateTime cutoff)
    {
        _days = new int[log.CustomerCount, 7];
        _hours = new int[log.CustomerCount, 24];
        var shopDays = new int[7];
        var shopHours = new int[24];
        foreach (var b in log.Baskets)
        {
            if (b.Time >= cutoff) continue;
            _days[b.Customer, (int)b.Time.DayOfWeek]++;
            _hours[b.Customer, b.Time.Hour]++;
            shopDays[(int)b.Time.DayOfWeek]++;
            shopHours[b.Time.Hour]++;
        }
        _shopDay = (DayOfWeek)ArgMax(shopDays);
        _shopHour = ArgMax(shopHours);
    }

    public (DayOfWeek Day, int Hour) For(int customer)
    {
        var days = Enumerable.Range(0, 7).Select(d => _days[customer, d]).ToArray();
        var hours = Enumerable.Range(0, 24).Select(h => _hours[customer, h]).ToArray();
        return (days.Sum() == 0 ? _shopDay : (DayOfWeek)ArgMax(days), hours.Sum() == 0 ? _shopHour : ArgMax(hours));
    }

    private static int ArgMax(int[] counts)
    {
        var best = 0;
        for (var i = 1; i < counts.Length; i++) if (counts[i] > counts[best]) best = i;
        return best;
    }
}
