namespace RetailRec.Engine.Recommendations.Ranking;

/// <summary>What one customer did with one item before the feature date (accumulated basket by basket, oldest first).</summary>
internal sealed class CustomerItemHabit
{
    public int Baskets;
    public DateTime First;
    public DateTime Last;
    public double Weighted30, Weighted90, Weighted365;
    public long Quantity;
    /// <summary>Bought in the 30 days before the last 30 (the "earlier" half of an item's trend).</summary>
    public bool InPrevious30;
    /// <summary>Bought in the same four weeks one year (52 weeks) earlier.</summary>
    public bool InSameWeeksLastYear;

    /// <summary>Mean days between consecutive baskets with the item: (last - first) / (baskets - 1).</summary>
    public double MeanIntervalDays => Baskets < 2 ? RankerFeatures.Missing : (Last - First).TotalDays / (Baskets - 1);
}
