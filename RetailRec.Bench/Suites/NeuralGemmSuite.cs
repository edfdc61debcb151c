using System.Diagnostics;
using RetailRec.Engine.Neural.Kernels;

namespace RetailRec.Bench.Suites;

/// <summary>SGEMM throughput of the managed kernel next to OpenBLAS (when installed) on the same machine.</summary>
public sealed class NeuralGemmSuite : IBenchSuite
{
    public string Name => "gemm";
    public string Description => "fp32 GEMM GFLOP/s: managed blocked AVX2 kernel vs OpenBLAS (256/512/1024 square)";

    public Task RunAsync(BenchContext context)
    {
        var threads = Options.Int(context.Args, "--threads", Environment.ProcessorCount);
        Gemm.Threads = threads;
        OpenBlas.SetThreadCount(threads);
        Console.WriteLine($"threads {threads}; OpenBLAS: {(OpenBlas.IsAvailable ? "loaded" : OpenBlas.UnavailableReason)}");
        // Wall-clock GF/s depends on how busy the shared machine is; GF per CPU-second (process CPU time) does much less,
        // and times the thread count it estimates what an otherwise idle machine would reach.
        Console.WriteLine($"{"n",6} {"variant",8} {"managed GF/s",13} {"OpenBLAS GF/s",14} {"ratio",6} {"managed GF/CPU-s",17} {"OpenBLAS GF/CPU-s",18} {"ratio",6}");
        foreach (var n in new[] { 256, 512, 1024 })
            foreach (var (ta, tb) in new[] { (false, false), (false, true), (true, false) })
            {
                var (managed, managedCpu) = Measure(n, ta, tb, GemmBackend.Managed, context.Repetitions);
                var (blas, blasCpu) = OpenBlas.IsAvailable ? Measure(n, ta, tb, GemmBackend.OpenBlas, context.Repetitions) : (double.NaN, double.NaN);
                var variant = (ta ? "T" : "N") + (tb ? "T" : "N");
                Console.WriteLine($"{n,6} {variant,8} {managed,13:F1} {blas,14:F1} {managed / blas,6:P0} {managedCpu,17:F1} {blasCpu,18:F1} {managedCpu / blasCpu,6:P0}");
            }
        return Task.CompletedTask;
    }

    private static (double Wall, double PerCpuSecond) Measure(int n, bool ta, bool tb, GemmBackend backend, int reps)
    {
        var rng = new Random(1);
        var a = Enumerable.Range(0, n * n).Select(_ => (float)rng.NextDouble()).ToArray();
        var b = Enumerable.Range(0, n * n).Select(_ => (float)rng.NextDouble()).ToArray();
        var c = new float[n * n];
        var inner = Math.Max(1, (int)(2e9 / (2.0 * n * n * n))); // about 2 GFLOP per timed repetition
        Gemm.Sgemm(ta, tb, n, n, n, 1f, a, n, b, n, 0f, c, n, backend); // warm-up (JIT, pool, page faults)
        var rates = new List<double>();
        var cpuRates = new List<double>();
        var process = Process.GetCurrentProcess();
        for (var r = 0; r < Math.Max(3, reps); r++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < inner; i++) Gemm.Sgemm(ta, tb, n, n, n, 1f, a, n, b, n, 0f, c, n, backend);
            var wall = sw.Elapsed.TotalSeconds;
            process.Refresh();
            var flops = 2.0 * n * n * n * inner / 1e9;
            rates.Add(flops / wall);
            cpuRates.Add(flops / (process.TotalProcessorTime - cpu0).TotalSeconds);
        }
        return (Stats.Median(rates), Stats.Median(cpuRates));
    }
}
