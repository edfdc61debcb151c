using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using RetailRec.Engine.Datasets;
using RetailRec.Engine.Storage;
using RetailRec.Engine.Datasets.Ingestion;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Recommendations.Runs;

namespace RetailRec.Bench.Suites;

/// <summary>
/// latency: serving latency of the app itself on the real file. The app runs in-process on a loopback port; the file is
/// imported and the recommend-train job run as in production; then one customer per request, p50/p99 for the
/// precomputed and the live path, called in-process (RecommendationService) and over HTTP (POST /api/recommend).
/// Targets: precomputed p99 &lt; 5 ms, live p99 &lt; 50 ms.
/// </summary>
public sealed class LatencySuite : IBenchSuite
{
    public string Name => "latency";
    public string Description => "recommendation serving latency: precomputed vs live, in-process and over HTTP (real file, loopback)";

    public async Task RunAsync(BenchContext context)
    {
        var requests = Math.Clamp(Options.Int(context.Args, "--requests", 2000), 100, 20000);
        await using var app = new LatencyAppHost();
        app.StartServer();
        var services = app.Services;
        var sw = Stopwatch.StartNew();
        await using (var file = File.OpenRead(context.DatasetPath))
        {
            var outcome = await services.GetRequiredService<TransactionImporter>().ImportAsync(file, Path.GetFileName(context.DatasetPath), "latency");
            if (outcome.DatasetId is null) throw new InvalidOperationException("import failed: " + outcome.Message);
            await services.GetRequiredService<DatasetService>().SetActiveAsync(outcome.DatasetId.Value);
        }
        var datasetId = (await services.GetRequiredService<DatasetService>().GetActiveAsync())!.Id;
        Console.WriteLine($"imported {Path.GetFileName(context.DatasetPath)} in {sw.Elapsed.TotalSeconds:F1} s");

        sw.Restart();
        var jobId = await services.GetRequiredService<JobService>().EnqueueAsync(RecommendationJobs.Train, new RecommendTrainParameters(datasetId));
        var job = await WaitAsync(services.GetRequiredService<JobService>(), jobId, TimeSpan.FromMinutes(20));
        if (job.State != RetailRec.Engine.Storage.JobState.Succeeded) throw new InvalidOperationException($"training {job.State}: {job.Error}");
        Console.WriteLine($"recommend-train job in {sw.Elapsed.TotalSeconds:F1} s:\n  " + job.Log.TrimEnd().Replace("\n", "\n  "));

        var service = services.GetRequiredService<RecommendationService>();
        var ids = await service.CustomerIdsAsync(datasetId);
        var rng = new Random(7);
        var customers = Enumerable.Range(0, requests).Select(_ => ids[rng.Next(ids.Count)]).ToArray();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        Console.WriteLine($"\n{requests} requests per row, one random known customer each (seed 7), n = 10, sequential; server at {app.BaseAddress}");
        Console.WriteLine($"{"path",-34} {"p50 ms",8} {"p99 ms",8} {"mean ms",8}");
        foreach (var method in new[] { ServingMethod.All, ServingMethod.Personalized })
        {
            foreach (var path in new[] { ServingPath.Precomputed, ServingPath.Live })
            {
                await MeasureAsync($"in-process {path} ({method})", customers, async c =>
                    (await service.RecommendAsync(datasetId, c, method, 10, path)).Items.Count);
                await MeasureAsync($"HTTP {path} ({method})", customers, async c =>
                {
                    using var r = await http.PostAsJsonAsync("/api/recommend", new { customerId = c, n = 10, method = method.ToString(), path = path.ToString() });
                    r.EnsureSuccessStatusCode();
                    return (await r.Content.ReadFromJsonAsync<RecommendBody>())!.Items.Count;
                });
            }
        }
        Console.WriteLine("targets: precomputed p99 < 5 ms, live p99 < 50 ms");
    }

    private sealed record RecommendBody(List<object> Items);

    private static async Task MeasureAsync(string name, string[] customers, Func<string, Task<int>> call)
    {
        for (var k = 0; k < 50; k++) await call(customers[k]); // warm-up: JIT, caches, connection
        var ms = new List<double>(customers.Length);
        var items = 0;
        foreach (var c in customers)
        {
            var t = Stopwatch.GetTimestamp();
            items += await call(c);
            ms.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        if (items != customers.Length * 10) throw new InvalidOperationException($"{name}: expected 10 items per answer, got {items} in all");
        Console.WriteLine($"{name,-34} {Stats.Percentile(ms, 50),8:F3} {Stats.Percentile(ms, 99),8:F3} {ms.Average(),8:F3}");
    }

    private static async Task<JobSnapshot> WaitAsync(JobService jobs, int id, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (await jobs.GetAsync(id) is { IsActive: false } done) return done;
            await Task.Delay(500);
        }
        throw new TimeoutException($"job {id} did not finish within {limit}");
    }
}
