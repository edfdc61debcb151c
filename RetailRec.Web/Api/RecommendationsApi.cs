using System.Text.Json;
using RetailRec.Engine.Domain;
using RetailRec.Engine.Datasets;
using RetailRec.Engine.Marketing.Runs;
using RetailRec.Engine.Recommendations.Runs;

namespace RetailRec.Web.Api;

/// <summary>Recommendations, customer segments and item neighbours over HTTP. Errors are problem documents.</summary>
public static class RecommendationsApi
{
    public sealed record RecommendRequest(string? CustomerId, int? N, string? Method, string? Path, int? DatasetId);

    public sealed record RecommendedItemDto(int Rank, string StockCode, string Description, double Score, string Method, string Reason);

    public sealed record RecommendResponse(string CustomerId, int DatasetId, string Method, bool ColdStart, string Source, int? RunId, string? Note,
        IReadOnlyList<RecommendedItemDto> Items);

    public sealed record RfmDto(int RecencyDays, int Frequency, double Monetary, int R, int F, int M, string Code);

    public sealed record SegmentResponse(string CustomerId, int DatasetId, int RunId, string Segment, string GridSegment, int Cluster, string ClusterName,
        bool Outlier, RfmDto Rfm);

    public sealed record SimilarItemDto(string StockCode, string Description, double Score);

    public sealed record SimilarResponse(string StockCode, string Description, int DatasetId, IReadOnlyList<SimilarItemDto> Similar,
        IReadOnlyList<SimilarItemDto> BoughtTogether);

    public static void MapRecommendationsApi(this RouteGroupBuilder api)
    {
        var g = api.WithTags("Recommendations");
        g.MapPost("/recommend", RecommendAsync).Accepts<RecommendRequest>("application/json")
            .Produces<RecommendResponse>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(503).DisableAntiforgery();
        g.MapGet("/segments/{customerId}", SegmentAsync).Produces<SegmentResponse>().ProducesProblem(404);
        g.MapGet("/items/{stockCode}/similar", SimilarAsync).Produces<SimilarResponse>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(503);
    }

    private static async Task<IResult> RecommendAsync(HttpRequest http, DatasetService datasets, RecommendationService service, CancellationToken ct)
    {
        RecommendRequest? body;
        try { body = http.ContentLength == 0 ? null : await http.ReadFromJsonAsync<RecommendRequest>(ct); }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or BadHttpRequestException)
        {
            return Problem(400, "The body must be JSON like {\"customerId\": \"12347\", \"n\": 10, \"method\": \"All\"}.");
        }
        if (body is null) return Problem(400, "A JSON body is required: {\"customerId\": \"12347\", \"n\": 10, \"method\": \"All\"}.");
        if (string.IsNullOrWhiteSpace(body.CustomerId)) return Problem(400, "\"customerId\" is required.");
        var n = body.N ?? 10;
        if (n is < 1 or > RecommendationService.MaxCount) return Problem(400, $"\"n\" must be between 1 and {RecommendationService.MaxCount}.");
        var method = ServingMethod.All;
        if (body.Method is not null && !ServingMethods.TryParse(body.Method, out method))
            return Problem(400, $"Unknown method \"{body.Method}\".", new() { ["allowed"] = Enum.GetNames<ServingMethod>() });
        var path = ServingPath.Auto;
        if (body.Path is not null && !EnumNames.TryParse(body.Path, out path))
            return Problem(400, $"Unknown path \"{body.Path}\".", new() { ["allowed"] = Enum.GetNames<ServingPath>() });
        if (await ResolveDatasetAsync(datasets, body.DatasetId, ct) is not int datasetId) return NoDataset(body.DatasetId);

        var answer = await service.RecommendAsync(datasetId, body.CustomerId.Trim(), method, n, path, ct);
        if (answer.Source == ServingSource.None)
        {
            http.HttpContext.Response.Headers.RetryAfter = "10";
            return Problem(503, answer.Note ?? "No model yet.", new() { ["coldStart"] = true });
        }
        return Results.Ok(new RecommendResponse(answer.CustomerId, datasetId, answer.Method.ToString(), answer.ColdStart, answer.Source.ToString(),
            answer.RunId, answer.Note,
            answer.Items.Select((x, i) => new RecommendedItemDto(i + 1, x.StockCode, x.Description, Math.Round(x.Score, 6), x.Method, x.Reason)).ToList()));
    }

    private static async Task<IResult> SegmentAsync(string customerId, int? datasetId, DatasetService datasets, MarketingRunReader marketing, CancellationToken ct)
    {
        if (await ResolveDatasetAsync(datasets, datasetId, ct) is not int id) return NoDataset(datasetId);
        var snapshot = await marketing.LatestAsync(id, ct);
        if (snapshot is not { HasSegments: true })
            return Problem(404, $"No segmentation exists for dataset {id} yet.", new() { ["hint"] = "Run the segment analysis (a marketing run) first." });
        if (snapshot.Customer(customerId.Trim()) is not { } c)
            return Problem(404, $"Customer {customerId} is not in the segmentation of run {snapshot.RunId}.");
        return Results.Ok(new SegmentResponse(c.CustomerId, id, snapshot.RunId, c.Segment, c.GridSegment, c.Cluster, c.ClusterName, c.Outlier,
            new RfmDto(c.RecencyDays, c.Frequency, c.Monetary, c.R, c.F, c.M, c.RfmCode)));
    }

    private static async Task<IResult> SimilarAsync(HttpContext http, string stockCode, int? n, int? datasetId, DatasetService datasets,
        LiveModels live, CancellationToken ct)
    {
        var count = n ?? 10;
        if (count is < 1 or > RecommendationService.MaxCount) return Problem(400, $"\"n\" must be between 1 and {RecommendationService.MaxCount}.");
        if (await ResolveDatasetAsync(datasets, datasetId, ct) is not int id) return NoDataset(datasetId);
        var modelTask = live.GetAsync(id);
        // Item neighbours need the fitted engine; a short wait covers a small dataset, a long fit answers 503.
        if (await Task.WhenAny(modelTask, Task.Delay(TimeSpan.FromSeconds(20), ct)) != modelTask || !modelTask.IsCompletedSuccessfully)
        {
            http.Response.Headers.RetryAfter = "10";
            return Problem(503, "The recommendation engine for this dataset is still being trained; ask again in a few seconds.");
        }
        var model = modelTask.Result;
        if (model.Log.ItemIndexOf(stockCode.Trim()) is not int item) return Problem(404, $"Item {stockCode} is not in dataset {id}.");
        var engine = model.Engine;
        var similar = engine.SimilarItems(item, count)
            .Select(s => new SimilarItemDto(model.Log.ItemCodes[s.Item], model.Log.ItemDescriptions[s.Item], Math.Round(s.Similarity, 6))).ToList();
        var paired = engine.PairedItems(item, count)
            .Select(p => new SimilarItemDto(model.Log.ItemCodes[p.Partner], model.Log.ItemDescriptions[p.Partner], Math.Round(p.Lift, 4))).ToList();
        return Results.Ok(new SimilarResponse(model.Log.ItemCodes[item], model.Log.ItemDescriptions[item], id, similar, paired));
    }

    private static Task<int?> ResolveDatasetAsync(DatasetService datasets, int? requested, CancellationToken ct) =>
        datasets.ResolveIdAsync(requested, ct);

    private static IResult NoDataset(int? requested) =>
        Problem(404, requested is int id ? $"Dataset {id} not found." : "There is no dataset yet: import one first.");

    private static IResult Problem(int status, string title, Dictionary<string, object?>? extensions = null) =>
        Results.Problem(statusCode: status, title: title, extensions: extensions);
}
