using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RetailRec.Engine.Datasets.Ingestion;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Jobs;

/// <summary>Tiny and odd datasets (issue 13) that every analysis job must survive with a human answer.</summary>
public static class OddDatasets
{
    private const string Header = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country";

    public static readonly IReadOnlyDictionary<string, string[]> Files = new Dictionary<string, string[]>
    {
        ["one row"] = ["536365,85123A,WHITE HANGING HEART,6,2010-12-01 08:26:00,2.55,17850,United Kingdom"],
        ["one customer"] = Enumerable.Range(0, 12).Select(i =>
            $"5{36400 + i},{(i % 3 == 0 ? "85123A" : i % 3 == 1 ? "22423" : "84879")},ITEM {i % 3},{1 + i % 4},{new DateTime(2010, 12, 1).AddDays(20 * i):yyyy-MM-dd} 10:00:00,2.55,17850,United Kingdom").ToArray(),
        ["only cancellations"] = Enumerable.Range(0, 8).Select(i =>
            $"C5{36500 + i},85123A,WHITE HANGING HEART,-{1 + i},{new DateTime(2010, 12, 1).AddDays(9 * i):yyyy-MM-dd} 10:00:00,2.55,{12000 + i % 3},United Kingdom").ToArray(),
        ["no customer ids"] = Enumerable.Range(0, 20).Select(i =>
            $"5{36600 + i},{20000 + i % 5},ITEM {i % 5},{1 + i % 3},{new DateTime(2010, 12, 1).AddDays(7 * i):yyyy-MM-dd} 10:00:00,1.25,,United Kingdom").ToArray(),
        ["a few days"] = Enumerable.Range(0, 30).Select(i =>
            $"5{36700 + i / 2},{20000 + i % 6},ITEM {i % 6},{1 + i % 4},{new DateTime(2010, 12, 1, 9, 0, 0).AddHours(3 * i):yyyy-MM-dd HH:mm:ss},1.25,{13000 + i % 5},United Kingdom").ToArray(),
    };

    public static async Task<int> ImportAsync(TempDatabase db, string name)
    {
        var text = Header + "\n" + string.Join("\n", Files[name]) + "\n";
        var outcome = await db.Get<TransactionImporter>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), name + ".csv", name);
        Assert.Equal(ImportStatus.Imported, outcome.Status);
        return outcome.DatasetId!.Value;
    }

    public static IEnumerable<object[]> Names => Files.Keys.Select(k => new object[] { k });
}
