using System.Text;
using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Engine.Recommendations.Evaluation.Splits;

/// <summary>
/// Writes a split as three plain CSV files (format in docs/EVALUATION.md):
/// <c>customer_id,history,targets</c>; history = the customer's training baskets oldest first, baskets separated by
/// <c>|</c>, stock codes inside a basket by a space; targets = space-separated stock codes.
/// train_next.csv holds in-training pseudo-targets (each customer's last validation-training basket),
/// val_next.csv the validation cases, test_next.csv the test cases.
/// </summary>
public static class SplitFiles
{
    public static void Write(string directory, NextBasketSplit validation, NextBasketSplit test)
    {
        Directory.CreateDirectory(directory);
        var inner = LeaveLastBasketSplit.Test(validation.Train);
        WriteFile(Path.Combine(directory, "train_next.csv"), inner);
        WriteFile(Path.Combine(directory, "val_next.csv"), validation);
        WriteFile(Path.Combine(directory, "test_next.csv"), test);
    }

    public static void WriteFile(string path, NextBasketSplit split)
    {
        var log = split.Train;
        var byCustomer = log.BasketsByCustomer();
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.NewLine = "\n";
        w.WriteLine("customer_id,history,targets");
        foreach (var c in split.Cases)
        {
            var history = string.Join('|', byCustomer[c.Customer].Select(b => Codes(log, log.Baskets[b].Items)));
            w.WriteLine($"{Field(log.CustomerIds[c.Customer])},{history},{Codes(log, c.Targets)}");
        }
    }

    private static string Codes(RetailLog log, IEnumerable<int> items) => string.Join(' ', items.Select(i => Field(log.ItemCodes[i])));

    // Stock codes and customer ids are alphanumeric; anything that would break the format is a data error worth failing on.
    private static string Field(string s) =>
        s.AsSpan().IndexOfAny(",| \"\n") >= 0 ? throw new InvalidDataException($"code '{s}' cannot be written to a split file") : s;
}
