using RetailRec.Engine.Domain;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Marketing.Merchandising;

/// <summary>A seeded synthetic log: customers buy from a skewed catalogue over 120 days, some items stop selling.</summary>
public static class RandomRetailLog
{
    public static RetailLog Build(int seed = 1, int customers = 40, int items = 50, int days = 120)
    {
        var rng = new Random(seed);
        var records = new List<TransactionRecord>();
        var start = new DateTime(2011, 1, 3);
        var invoice = 0;
        for (var c = 0; c < customers; c++)
        {
            var visits = 1 + rng.Next(8);
            for (var v = 0; v < visits; v++)
            {
                var day = rng.Next(days);
                var date = start.AddDays(day).AddHours(9 + rng.Next(8)).ToString("yyyy-MM-dd HH:mm");
                var inv = "I" + (++invoice).ToString("D5");
                var lines = 1 + rng.Next(5);
                for (var l = 0; l < lines; l++)
                {
                    // Squared uniform skews demand to low item numbers; items >= 40 stop selling after day 60 (dead stock).
                    var item = (int)(items * Math.Pow(rng.NextDouble(), 2));
                    if (item >= 40 && day > 60) item -= 20;
                    records.Add(Records.Sale("C" + c, inv, "P" + item, date, qty: 1 + rng.Next(6), price: 1 + item % 7));
                }
            }
        }
        return RetailLogBuilder.Build(records);
    }
}
