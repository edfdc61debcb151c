using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Marketing.Runs;
using RetailRec.Engine.Promotions.Runs;
using RetailRec.Engine.Recommendations.Runs;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Jobs;

/// <summary>
/// Every analysis job kind on every odd dataset: it finishes, or fails with a human message (<see cref="NotEnoughDataException"/>),
/// never with a raw exception's text. Marketing always finishes, naming what it could not compute.
/// </summary>
public class OddDatasetJobTests
{
    private static async Task<(string? Json, Exception? Error, List<string> Log)> RunAsync(TempDatabase db, string kind, object parameters, int datasetId)
    {
        await using var scope = db.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredKeyedService<IJobHandler>(kind);
        var log = new List<string>();
        var context = new JobContext(1, datasetId, JsonSerializer.Serialize(parameters, parameters.GetType(), JobJson.Options), (_, _) => { }, l => { lock (log) log.Add(l); });
        try { return (await handler.RunAsync(context, CancellationToken.None), null, log); }
        catch (Exception e) { return (null, e, log); }
    }

    public static IEnumerable<object[]> Cases =>
        from name in OddDatasets.Files.Keys
        from kind in new[] { "marketing", "evaluation", "recommend-train", "campaign", "promo-backtest" }
        select new object[] { name, kind };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Job_finishes_or_fails_with_a_human_message(string dataset, string kind)
    {
        await using var db = await TempDatabase.CreateAsync();
        var id = await OddDatasets.ImportAsync(db, dataset);
        object parameters = kind switch
        {
            "marketing" => new MarketingJobParameters(id),
            "evaluation" => new EvaluationJobParameters(id, Models: ["Popular", "PersonalFrequency"]),
            "recommend-train" => new RecommendTrainParameters(id),
            "campaign" => new CampaignJobParameters { DatasetId = id, Name = "odd", StockCodes = [OddDatasets.Files[dataset][0].Split(',')[1]], AudienceSize = 10 },
            _ => new BacktestJobParameters(id),
        };
        var (json, error, log) = await RunAsync(db, kind, parameters, id);
        // A human failure: "not enough data", or the engine's own request validation (an ArgumentException without a
        // parameter name carries a sentence for the user). Never a runtime's exception text.
        var human = error is null or NotEnoughDataException || (error.GetType() == typeof(ArgumentException) && ((ArgumentException)error).ParamName is null);
        Assert.True(human, $"{kind} on '{dataset}' failed with {error?.GetType().Name}: {error?.Message}\n{error?.StackTrace}");
        if (error is NotEnoughDataException) Assert.StartsWith("Not enough data for ", error.Message);
        if (kind == "marketing")
        {
            Assert.True(json is not null, $"marketing on '{dataset}' must finish");
            var result = JsonSerializer.Deserialize<MarketingJobResult>(json!, JobJson.Options)!;
            if (dataset is "one row" or "one customer" or "only cancellations" or "no customer ids")
                Assert.Contains(result.Warnings, w => w.StartsWith("not enough data for clustering", StringComparison.Ordinal)
                                                      || w.StartsWith("not enough data for segments", StringComparison.Ordinal));
            if (dataset is "a few days" or "one row")
                Assert.Contains(result.Warnings, w => w.StartsWith("not enough data for the trade-off curve", StringComparison.Ordinal));
        }
    }
}
