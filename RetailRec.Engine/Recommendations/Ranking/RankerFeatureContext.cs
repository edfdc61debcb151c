using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Engine.Recommendations.Ranking;

/// <summary>
/// Everything the per-row features need, accumulated in one pass over the baskets strictly before <see cref="AsOf"/>
/// (later baskets in the log are ignored, so handing it a longer log cannot change a value). Days are measured back
/// from <see cref="AsOf"/>. The collaborative and sequential columns come from the <see cref="CandidatePool"/>.
/// </summary>
public sealed class RankerFeatureContext
{
    private readonly Dictionary<int, CustomerItemHabit>[] _habits;
    private readonly int[] _customerBaskets, _customerItemsTotal, _customerRepeatItems, _customerItemCount;
    private readonly DateTime[] _customerFirst, _customerLast;
    private readonly double[] _customerSpend;
    private readonly int[] _buyers, _buyers7, _buyers30, _buyers90, _buyersPrevious30, _repeaters, _buyersLastYear;
    private readonly DateTime[] _itemFirst, _itemLast;
    private readonly double[] _itemPrice;

    public DateTime AsOf { get; }

    public RankerFeatureContext(RetailLog log, DateTime asOf)
    {
        AsOf = asOf;
        int nc = log.CustomerCount, ni = log.ItemCount;
        _habits = new Dictionary<int, CustomerItemHabit>[nc];
        _customerBaskets = new int[nc]; _customerItemsTotal = new int[nc]; _customerRepeatItems = new int[nc]; _customerItemCount = new int[nc];
        _customerFirst = new DateTime[nc]; _customerLast = new DateTime[nc]; _customerSpend = new double[nc];
        _itemFirst = new DateTime[ni]; _itemLast = new DateTime[ni];
        var lastYearFrom = asOf.AddDays(-364);
        var lastYearTo = lastYearFrom.AddDays(28);
        foreach (var b in log.Baskets)
        {
            if (b.Time >= asOf) continue;
            var c = b.Customer;
            var habits = _habits[c] ??= [];
            if (_customerBaskets[c]++ == 0) _customerFirst[c] = b.Time;
            _customerLast[c] = b.Time;
            _customerSpend[c] += b.Value;
            _customerItemCount[c] += b.Items.Length;
            var age = (asOf - b.Time).TotalDays;
            foreach (var i in b.Items)
            {
                if (_itemFirst[i] == default) _itemFirst[i] = b.Time;
                _itemLast[i] = b.Time;
                if (!habits.TryGetValue(i, out var h)) habits[i] = h = new CustomerItemHabit { First = b.Time };
                else if (_customerBaskets[c] > 1) _customerRepeatItems[c]++;
                if (_customerBaskets[c] > 1) _customerItemsTotal[c]++;
                h.Baskets++;
                h.Last = b.Time;
                h.Weighted30 += Math.Pow(0.5, age / 30);
                h.Weighted90 += Math.Pow(0.5, age / 90);
                h.Weighted365 += Math.Pow(0.5, age / 365);
                if (age > 30 && age <= 60) h.InPrevious30 = true;
                if (b.Time >= lastYearFrom && b.Time < lastYearTo) h.InSameWeeksLastYear = true;
            }
        }
        var quantity = new long[ni];
        var revenue = new double[ni];
        foreach (var line in log.Lines)
        {
            if (line.Time >= asOf) continue;
            quantity[line.Item] += line.Quantity;
            revenue[line.Item] += line.Revenue;
            if (_habits[line.Customer]?.TryGetValue(line.Item, out var h) == true) h.Quantity += line.Quantity;
        }
        _itemPrice = new double[ni];
        for (var i = 0; i < ni; i++) _itemPrice[i] = quantity[i] > 0 ? revenue[i] / quantity[i] : RankerFeatures.Missing;

        _buyers = new int[ni]; _buyers7 = new int[ni]; _buyers30 = new int[ni]; _buyers90 = new int[ni];
        _buyersPrevious30 = new int[ni]; _repeaters = new int[ni]; _buyersLastYear = new int[ni];
        foreach (var habits in _habits)
        {
            if (habits is null) continue;
            foreach (var (i, h) in habits)
            {
                var sinceLast = (asOf - h.Last).TotalDays;
                _buyers[i]++;
                if (sinceLast <= 7) _buyers7[i]++;
                if (sinceLast <= 30) _buyers30[i]++;
                if (sinceLast <= 90) _buyers90[i]++;
                if (h.InPrevious30) _buyersPrevious30[i]++;
                if (h.Baskets >= 2) _repeaters[i]++;
                if (h.InSameWeeksLastYear) _buyersLastYear[i]++;
            }
        }
    }

    public bool HasHistory(int customer) => customer >= 0 && customer < _habits.Length && _habits[customer] is not null;

    /// <summary>The items this customer bought before <see cref="AsOf"/>, with how often and how recently.</summary>
    public IEnumerable<(int Item, int Baskets, double Weighted90)> BoughtItems(int customer) =>
        HasHistory(customer) ? _habits[customer].Select(p => (p.Key, p.Value.Baskets, p.Value.Weighted90)) : [];

    /// <summary>Writes the non-collaborative columns of (customer, item) into <paramref name="row"/>.</summary>
    public void Fill(int customer, int item, Span<float> row)
    {
        const float M = RankerFeatures.Missing;
        CustomerItemHabit? h = null;
        if (HasHistory(customer)) _habits[customer].TryGetValue(item, out h);
        var baskets = HasHistory(customer) ? _customerBaskets[customer] : 0;
        var since = h is null ? M : (float)(AsOf - h.Last).TotalDays;
        var interval = h is null ? M : (float)h.MeanIntervalDays;
        row[(int)RankerFeature.BasketsWithItem] = h?.Baskets ?? 0;
        row[(int)RankerFeature.RecencyWeighted30] = (float)(h?.Weighted30 ?? 0);
        row[(int)RankerFeature.RecencyWeighted90] = (float)(h?.Weighted90 ?? 0);
        row[(int)RankerFeature.RecencyWeighted365] = (float)(h?.Weighted365 ?? 0);
        row[(int)RankerFeature.DaysSinceBought] = since;
        row[(int)RankerFeature.MeanIntervalDays] = interval;
        row[(int)RankerFeature.DueRatio] = interval > 0 ? since / interval : M;
        row[(int)RankerFeature.ShareOfBaskets] = h is null ? 0 : (float)h.Baskets / baskets;
        row[(int)RankerFeature.MeanQuantity] = h is null ? 0 : (float)h.Quantity / h.Baskets;

        row[(int)RankerFeature.Buyers] = _buyers[item];
        row[(int)RankerFeature.Buyers7] = _buyers7[item];
        row[(int)RankerFeature.Buyers30] = _buyers30[item];
        row[(int)RankerFeature.Buyers90] = _buyers90[item];
        row[(int)RankerFeature.Trend] = (_buyers30[item] + 1f) / (_buyersPrevious30[item] + 1f);
        row[(int)RankerFeature.DaysSinceItemSold] = _buyers[item] == 0 ? M : (float)(AsOf - _itemLast[item]).TotalDays;
        row[(int)RankerFeature.DaysSinceItemFirstSold] = _buyers[item] == 0 ? M : (float)(AsOf - _itemFirst[item]).TotalDays;
        row[(int)RankerFeature.ItemRepeatRate] = _buyers[item] == 0 ? M : (float)_repeaters[item] / _buyers[item];
        row[(int)RankerFeature.Price] = (float)_itemPrice[item];

        row[(int)RankerFeature.CustomerBaskets] = baskets;
        row[(int)RankerFeature.DaysSinceLastBasket] = baskets == 0 ? M : (float)(AsOf - _customerLast[customer]).TotalDays;
        row[(int)RankerFeature.MeanBasketGapDays] = baskets < 2 ? M : (float)((_customerLast[customer] - _customerFirst[customer]).TotalDays / (baskets - 1));
        row[(int)RankerFeature.MeanBasketSize] = baskets == 0 ? 0 : (float)_customerItemCount[customer] / baskets;
        row[(int)RankerFeature.CustomerRepeatShare] = baskets < 2 || _customerItemsTotal[customer] == 0 ? M
            : (float)_customerRepeatItems[customer] / _customerItemsTotal[customer];
        row[(int)RankerFeature.CustomerSpend] = baskets == 0 ? 0 : (float)_customerSpend[customer];

        row[(int)RankerFeature.BoughtSameWeeksLastYear] = h?.InSameWeeksLastYear == true ? 1 : 0;
        row[(int)RankerFeature.ItemBuyersSameWeeksLastYear] = _buyersLastYear[item];
    }
}
