using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RetailRec.Engine.Storage;
using RetailRec.Engine.Datasets.Ingestion;
using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Bench.Suites;

/// <summary>
/// Imports the real transaction file into a fresh temp SQLite database --reps times and prints the medians:
/// total seconds, rows/s, the split receive(hash) / parse / validate / store, and peak memory.
/// Extra option: --read-only also times TransactionFileReader.ReadAll without a database.
/// </summary>
public sealed class ImportSuite : IBenchSuite
{
    public string Name => "import";
    public string Description => "import the real CSV.GZ into a temp SQLite db (median seconds, rows/s, phase split, peak memory)";

    public async Task RunAsync(BenchContext context)
    {
        Console.WriteLine($"file: {context.DatasetPath} ({new FileInfo(context.DatasetPath).Length / 1e6:N1} MB), reps: {context.Repetitions}");
        if (context.Args.Contains("--read-only")) ReadOnly(context);

        var runs = new List<(ImportTimings T, long Rows, double Cpu)>();
        var loads = new List<(double First, double Cached)>();
        for (var rep = 0; rep < context.Repetitions; rep++)
        {
            var path = Path.Combine(Path.GetTempPath(), $"retailrec-bench-{Guid.NewGuid():N}.db");
            try
            {
                var options = new DbContextOptionsBuilder<RetailRecDbContext>().UseSqlite($"Data Source={path}").Options;
                var factory = new Factory(options);
                using (var db = factory.CreateDbContext()) db.Database.EnsureCreated();
                var importer = new TransactionImporter(factory, Microsoft.Extensions.Options.Options.Create(new IngestionOptions()));
                await using var file = File.OpenRead(context.DatasetPath);
                var cpu0 = CpuSeconds();
                var gc0 = GC.GetTotalPauseDuration();
                var outcome = await importer.ImportAsync(file, Path.GetFileName(context.DatasetPath), "bench");
                if (outcome.Status != ImportStatus.Imported) throw new InvalidOperationException(outcome.Message);
                var t = outcome.Timings!;
                var cpu = CpuSeconds() - cpu0;
                var gcPause = (GC.GetTotalPauseDuration() - gc0).TotalSeconds;
                runs.Add((t, outcome.Report!.RowsImported, cpu));
                Console.WriteLine($"  rep {rep + 1}: {t.TotalSeconds:F2} s wall, {cpu:F2} s cpu (receive {t.ReceiveSeconds:F2}, parse {t.ParseSeconds:F2}, " +
                                  $"validate {t.ValidateSeconds:F2}, store {t.StoreSeconds:F2}, commit {t.CommitSeconds:F2}, GC pauses {gcPause:F2}), db {new FileInfo(path).Length / 1e6:N0} MB");
                // What every job then pays to start: the stored rows back into a RetailLog, and the same again from the loader's cache.
                var loader = new DatasetLoader(factory);
                var sw = System.Diagnostics.Stopwatch.StartNew();
                await loader.LoadRetailLogAsync(outcome.DatasetId!.Value);
                var first = sw.Elapsed.TotalSeconds;
                sw.Restart();
                await loader.LoadRetailLogAsync(outcome.DatasetId!.Value);
                loads.Add((first, sw.Elapsed.TotalSeconds));
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
            }
        }

        var total = Stats.Median(runs.Select(r => r.T.TotalSeconds));
        Console.WriteLine($"median total     : {total:F2} s");
        Console.WriteLine($"rows/s           : {runs[0].Rows / total:N0}");
        Console.WriteLine($"median receive   : {Stats.Median(runs.Select(r => r.T.ReceiveSeconds)):F2} s (sha256 of the upload, duplicate check)");
        Console.WriteLine($"median parse     : {Stats.Median(runs.Select(r => r.T.ParseSeconds)):F2} s (gunzip, CSV, field conversion)");
        Console.WriteLine($"median validate  : {Stats.Median(runs.Select(r => r.T.ValidateSeconds)):F2} s (flags, duplicates, report)");
        Console.WriteLine($"median store     : {Stats.Median(runs.Select(r => r.T.StoreSeconds)):F2} s (summary + SQLite inserts; overlaps parse)");
        Console.WriteLine($"median commit    : {Stats.Median(runs.Select(r => r.T.CommitSeconds)):F2} s (WAL write + checkpoint)");
        Console.WriteLine($"median cpu       : {Stats.Median(runs.Select(r => r.Cpu)):F2} s (process CPU time; wall time on a busy machine inflates)");
        Console.WriteLine($"median job load  : {Stats.Median(loads.Select(l => l.First)):F2} s (stored rows -> RetailLog, what a job's first step costs)");
        Console.WriteLine($"median cached    : {Stats.Median(loads.Select(l => l.Cached)) * 1000:F1} ms (the next job on the same dataset)");
        Console.WriteLine($"load average     : {LoadAverage()}");
        PrintMemory();
    }

    private static void ReadOnly(BenchContext context)
    {
        var times = new List<double>();
        for (var rep = 0; rep < context.Repetitions; rep++)
        {
            var sw = Stopwatch.StartNew();
            var cpu0 = CpuSeconds();
            var result = TransactionFileReader.ReadAll(context.DatasetPath);
            times.Add(sw.Elapsed.TotalSeconds);
            Console.WriteLine($"  read-only rep {rep + 1}: {sw.Elapsed.TotalSeconds:F2} s wall, {CpuSeconds() - cpu0:F2} s cpu, {result.Records.Count:N0} rows " +
                              $"(parse {result.Timings.ParseSeconds:F2}, validate {result.Timings.ValidateSeconds:F2})");
        }
        Console.WriteLine($"median read-only : {Stats.Median(times):F2} s");
    }

    private static double CpuSeconds()
    {
        using var p = Process.GetCurrentProcess();
        return p.TotalProcessorTime.TotalSeconds;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    private static void PrintMemory()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var gc = GC.GetGCMemoryInfo(GCKind.Any);
        Console.WriteLine($"peak working set : {process.PeakWorkingSet64 / 1e6:N0} MB");
        Console.WriteLine($"GC heap now      : {GC.GetTotalMemory(false) / 1e6:N0} MB, last GC heap {gc.HeapSizeBytes / 1e6:N0} MB, " +
                          $"allocated total {GC.GetTotalAllocatedBytes() / 1e6:N0} MB, gen2 GCs {GC.CollectionCount(2)}");
    }

    private sealed class Factory(DbContextOptions<RetailRecDbContext> options) : IDbContextFactory<RetailRecDbContext>
    {
        public RetailRecDbContext CreateDbContext() => new(options);
    }
}
