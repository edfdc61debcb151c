using RetailRec.Engine.Domain;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Recommendations;

/// <summary>Hand-made logs for recommender tests: baskets written as (customer, day, items).</summary>
public static class TinyLogs
{
    public static RetailLog Build(params (string Customer, int Day, string Items)[] baskets) =>
        Build(null, baskets);

    public static RetailLog Build(IReadOnlyDictionary<string, string>? descriptions, params (string Customer, int Day, string Items)[] baskets)
    {
        var records = new List<TransactionRecord>();
        var n = 0;
        foreach (var (customer, day, items) in baskets)
        {
            var invoice = "INV" + (++n).ToString("D4");
            var date = new DateTime(2011, 1, 1).AddDays(day).AddMinutes(n).ToString("yyyy-MM-dd HH:mm");
            foreach (var item in items.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                records.Add(Records.Sale(customer, invoice, item, date, description: descriptions?.GetValueOrDefault(item)));
        }
        return RetailLogBuilder.Build(records);
    }

    public static float[] Scores(RetailRec.Engine.Recommendations.IRecommender model, RetailLog log, string customer)
    {
        var scores = new float[log.ItemCount];
        model.Score(log.CustomerIndexOf(customer)!.Value, scores);
        return scores;
    }

    public static int I(RetailLog log, string code) => log.ItemIndexOf(code)!.Value;
    public static int C(RetailLog log, string id) => log.CustomerIndexOf(id)!.Value;
}
