using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RetailRec.Bench.Suites;

/// <summary>
/// Cold start: a fresh data folder, the built app started as a user starts it, timed until the Overview page is
/// served with the demo dataset's KPIs (the demo import included). Loopback only; each attempt is bounded.
/// </summary>
public sealed class ColdStartSuite : IBenchSuite
{
    public string Name => "coldstart";
    public string Description => "app start to a served Overview page on the demo data (fresh database)";

    public async Task RunAsync(BenchContext context)
    {
        var root = BenchPaths.RepoRoot();
        var dll = Path.Combine(root, "RetailRec.Web", "bin", "Release", "net10.0", "RetailRec.Web.dll");
        if (!File.Exists(dll)) { Console.WriteLine($"  build first: dotnet build RetailRec.Web -c Release ({dll} missing)"); return; }

        var times = new List<double>();
        for (var rep = 0; rep < context.Repetitions; rep++)
        {
            var data = Path.Combine(Path.GetTempPath(), "retailrec-coldstart-" + Guid.NewGuid().ToString("N"));
            var url = $"http://127.0.0.1:{FreePort()}";
            var psi = new ProcessStartInfo("dotnet", [dll, "--urls", url])
            {
                WorkingDirectory = Path.Combine(root, "RetailRec.Web"),
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            psi.Environment["RETAILREC_DATA_DIR"] = data;
            psi.Environment["ASPNETCORE_CONTENTROOT"] = Path.Combine(root, "RetailRec.Web");
            var sw = Stopwatch.StartNew();
            using var process = Process.Start(psi)!;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                var seconds = await WaitForOverviewAsync(url, sw, TimeSpan.FromSeconds(120));
                times.Add(seconds);
                Console.WriteLine($"  run {rep + 1}: {seconds:0.00} s");
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                try { Directory.Delete(data, recursive: true); } catch (IOException) { }
            }
        }
        Console.WriteLine($"  cold start to Overview with demo KPIs: median {Stats.Median(times):0.00} s over {times.Count} runs (target < 10 s)");
    }

    private static async Task<double> WaitForOverviewAsync(string url, Stopwatch sw, TimeSpan limit)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        while (sw.Elapsed < limit)
        {
            try
            {
                var html = await http.GetStringAsync(url + "/");
                if (html.Contains("data-testid=\"kpi-revenue\"")) return sw.Elapsed.TotalSeconds;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("Overview never showed the demo KPIs");
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
