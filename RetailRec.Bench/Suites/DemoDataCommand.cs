using System.Diagnostics;
using RetailRec.Engine.DemoData;

namespace RetailRec.Bench.Suites;

/// <summary>
/// Writes the seeded demo dataset as an Online Retail II CSV (and optionally the matching stock file), and reports
/// how long generation took (median over --reps runs, so it doubles as the generator's benchmark).
/// Usage: demo-data --out demo.csv [--lines 100000] [--seed 42] [--stock stock.csv]
/// </summary>
public sealed class DemoDataCommand : IBenchSuite
{
    public string Name => "demo-data";
    public string Description => "write the seeded demo dataset as CSV: --out demo.csv --lines 100000 --seed 42 [--stock stock.csv]";

    public Task RunAsync(BenchContext context)
    {
        var args = context.Args;
        var options = new DemoDataOptions
        {
            TargetLines = Options.Int(args, "--lines", 100_000),
            Seed = Options.Int(args, "--seed", 42),
        };
        var output = Options.Str(args, "--out", "demo.csv");
        var stock = Options.Str(args, "--stock", "");

        var times = new List<double>();
        DemoDataset data = null!;
        for (var rep = 0; rep < Math.Max(1, context.Repetitions); rep++)
        {
            var sw = Stopwatch.StartNew();
            data = DemoDataGenerator.Generate(options);
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        var write = Stopwatch.StartNew();
        OnlineRetailCsvWriter.WriteFile(output, data.Records);
        var writeMs = write.Elapsed.TotalMilliseconds;
        Console.WriteLine($"generated {data.Records.Count:N0} lines ({data.Customers.Count:N0} customers, {data.Products.Count:N0} products) " +
                          $"seed {options.Seed}: median {Stats.Median(times):F0} ms over {times.Count} runs; CSV written in {writeMs:F0} ms to {Path.GetFullPath(output)}");
        if (stock.Length > 0)
        {
            var rows = DemoStockFile.Generate(data);
            DemoStockFile.WriteFile(stock, rows);
            Console.WriteLine($"stock file: {rows.Count:N0} rows to {Path.GetFullPath(stock)}");
        }
        return Task.CompletedTask;
    }
}
