using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Marketing.Runs;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Marketing.Runs;

/// <summary>Runs the registered "marketing" handler directly (no worker), recording its progress reports and log.</summary>
public sealed class MarketingJobRunner(TempDatabase db)
{
    public List<(double Percent, string Step)> Reports { get; } = [];
    public List<string> Log { get; } = [];

    public async Task<MarketingJobResult> RunAsync(MarketingJobParameters parameters, int jobId = 1)
    {
        await using var scope = db.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredKeyedService<IJobHandler>("marketing");
        var context = new JobContext(jobId, parameters.DatasetId, JsonSerializer.Serialize(parameters, JobJson.Options),
            (p, s) => { lock (Reports) Reports.Add((p, s)); }, line => { lock (Log) Log.Add(line); });
        var json = await handler.RunAsync(context, CancellationToken.None);
        return JsonSerializer.Deserialize<MarketingJobResult>(json!, JobJson.Options)!;
    }
}
