using RetailRec.Engine.Domain;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Recommendations.Ranking;

/// <summary>Generated logs with planted structure for the ranker tests.</summary>
public static class RankerLogs
{
    public static readonly DateTime Start = new(2011, 1, 3);

    /// <summary>
    /// Every customer buys CYC exactly every <paramref name="cycle"/> days (own phase) and, every few days, two of
    /// 30 noise items at random. When <paramref name="deadAfterDay"/> is set, DEAD is each customer's favourite
    /// (in most baskets) until that day and nobody buys it afterwards.
    /// </summary>
    public static List<TransactionRecord> Cycle(int seed, int customers, int days, int cycle = 28, int? deadAfterDay = null)
    {
        var rng = new Random(seed);
        var records = new List<TransactionRecord>();
        var invoice = 0;
        for (var c = 0; c < customers; c++)
        {
            var phase = rng.Next(cycle);
            for (var day = 0; day < days; day++)
            {
                var items = new List<string>();
                if (day % cycle == phase) items.Add("CYC");
                if (rng.NextDouble() < 0.2)
                {
                    items.Add("N" + rng.Next(30));
                    items.Add("N" + rng.Next(30));
                    if (deadAfterDay is { } d && day <= d && rng.NextDouble() < 0.8) items.Add("DEAD");
                }
                if (items.Count == 0) continue;
                var inv = "I" + (++invoice).ToString("D6");
                var date = Start.AddDays(day).AddHours(10).ToString("yyyy-MM-dd HH:mm");
                foreach (var item in items.Distinct()) records.Add(Records.Sale("C" + c, inv, item, date, qty: 1 + rng.Next(3), price: 2));
            }
        }
        return records;
    }

    public static RetailLog Build(IEnumerable<TransactionRecord> records) => RetailLogBuilder.Build(records.ToList());
}
