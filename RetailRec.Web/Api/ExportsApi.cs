using RetailRec.Engine.Storage;
using RetailRec.Engine.Runs;
using RetailRec.Engine.Export;
using RetailRec.Engine.Marketing.Runs;

namespace RetailRec.Web.Api;

/// <summary>Downloads of the CSV files a marketing run wrote. Only the six known names are served: nothing else is a path.</summary>
public static class ExportsApi
{
    public static readonly IReadOnlyList<string> FileNames =
    [
        MarketingExports.FileNames.UserRfm, MarketingExports.FileNames.UserSegments, MarketingExports.FileNames.SegmentTopItems,
        MarketingExports.FileNames.ItemSellThrough, MarketingExports.FileNames.UserStrategyItems, MarketingExports.FileNames.StrategySellThroughMix,
    ];

    public sealed record ExportFileDto(string Name, long Bytes, string Url);

    public static void MapExportsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/runs/{runId:int}/exports").WithTags("Exports");
        g.MapGet("/", async (int runId, RunStore runs, DataPaths paths) =>
        {
            if (await runs.GetAsync(runId) is null) return RunNotFound(runId);
            var dir = paths.RunFiles(runId);
            return Results.Ok(FileNames.Select(f => new FileInfo(Path.Combine(dir, f))).Where(f => f.Exists)
                .Select(f => new ExportFileDto(f.Name, f.Length, "/" + Links.RunExport(runId, f.Name))));
        });
        g.MapGet("/{file}", async (int runId, string file, RunStore runs, DataPaths paths) =>
        {
            // Match against the fixed list and serve the list's own string, so the request never builds a path.
            var name = FileNames.FirstOrDefault(f => string.Equals(f, file, StringComparison.Ordinal));
            if (name is null) return Results.Problem(statusCode: 404, title: $"No export named \"{file}\"");
            if (await runs.GetAsync(runId) is null) return RunNotFound(runId);
            var path = Path.Combine(paths.RunFiles(runId), name);
            return File.Exists(path)
                ? Results.File(path, "text/csv; charset=utf-8", $"run{runId}_{name}")
                : Results.Problem(statusCode: 404, title: $"Run {runId} has no {name}");
        });
    }

    private static IResult RunNotFound(int runId) => Results.Problem(statusCode: 404, title: $"Run {runId} not found");
}
