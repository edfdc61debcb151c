using System.Text;
using System.Text.Json;
using RetailRec.Engine.Storage;
using RetailRec.Engine.Runs;
using RetailRec.Engine.Domain;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Promotions.Runs;
using RetailRec.Engine.Promotions.Campaigns;
using RetailRec.Engine.Promotions.CrossSell;
using RetailRec.Engine.Promotions.Export;
using RetailRec.Engine.Promotions.Calibration;
using RetailRec.Engine.Promotions.Models;
using RetailRec.Engine.Datasets;

namespace RetailRec.Web.Api;

/// <summary>
/// Campaigns over HTTP: build one (the same job and validation as the Campaigns page), list and read saved ones, and
/// download their CSV exports (the audience, and the cross-sell list).
/// </summary>
public static class CampaignsApi
{
    /// <summary>
    /// The body of POST /api/campaigns; omitted fields take the page's defaults. Give <see cref="AudienceSize"/> or
    /// <see cref="Budget"/>; with neither, everyone with a positive expected profit is chosen. <see cref="Model"/> is
    /// "logistic", "mlp" or "lightgbm"; <see cref="Calibration"/> "platt", "isotonic" or "none".
    /// </summary>
    public sealed record BuildRequest(
        string? Name, int? DatasetId, IReadOnlyList<string>? StockCodes, string? Keyword, double? DiscountPercent, double? CostPerMessage,
        double? UnitMargin, double? MarginSharePercent, int? HorizonDays, int? AudienceSize, double? Budget, IReadOnlyList<string>? Countries,
        IReadOnlyList<string>? Segments, int? MaxRecentContacts, bool? UseUplift, string? Model, string? Calibration, string? RecommenderFeature);

    public sealed record CampaignRunDto(int Id, int DatasetId, string Label, DateTime CreatedAtUtc, int? JobId, CampaignRunSummary? Summary);

    public static void MapCampaignsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/campaigns").WithTags("Campaigns");
        g.MapPost("/", BuildAsync).DisableAntiforgery();
        g.MapGet("/", async (int? datasetId, DatasetService datasets, RunStore runs, CancellationToken ct) =>
        {
            var id = await datasets.ResolveIdAsync(datasetId, ct);
            return id is null ? Results.Ok(Array.Empty<CampaignRunDto>()) : Results.Ok((await runs.ListAsync(id.Value, PromotionJobs.CampaignRun, ct)).Select(Dto));
        });
        g.MapGet("/{runId:int}", async (int runId, RunStore runs, CancellationToken ct) =>
        {
            var run = await runs.GetAsync(runId, ct);
            if (run is null || run.Kind != PromotionJobs.CampaignRun.Name) return Problem(404, $"Campaign {runId} not found");
            return Results.Ok(new { run = Dto(run), plan = await runs.ArtifactAsync(runId, PromotionJobs.Artifacts.Plan, ct) });
        });
        g.MapGet("/{runId:int}/export/{kind}", ExportAsync).WithName("CampaignExport");
    }

    /// <summary>Queues the campaign job; with <c>?wait=true</c> answers when it has finished, with the saved run's location.</summary>
    private static async Task<IResult> BuildAsync(BuildRequest? body, bool? wait, DatasetService datasets, CampaignLauncher launcher, JobService jobs,
        CancellationToken ct)
    {
        if (body is null) return Problem(400, "Send the campaign as JSON, e.g. {\"name\":\"Lanterns\",\"keyword\":\"LANTERN\",\"audienceSize\":500}.");
        var dataset = body.DatasetId is int d ? await datasets.GetAsync(d, ct) : await datasets.GetActiveAsync(ct);
        if (dataset is null) return Problem(404, body.DatasetId is int missing ? $"Dataset {missing} not found." : "There is no dataset yet: import one first.");
        var model = PropensityModelKind.Logistic;
        if (!string.IsNullOrWhiteSpace(body.Model) && !EnumNames.TryParse(body.Model, out model))
            return Problem(400, $"Unknown model \"{body.Model}\"; use \"logistic\", \"mlp\" or \"lightgbm\".");
        var calibration = CalibrationMethod.Platt;
        if (!string.IsNullOrWhiteSpace(body.Calibration) && !EnumNames.TryParse(body.Calibration, out calibration))
            return Problem(400, $"Unknown calibration \"{body.Calibration}\"; use \"platt\", \"isotonic\" or \"none\".");

        // The page's form model holds the defaults and the validation, so the API and the page accept the same campaigns.
        var form = new CampaignFormModel
        {
            Name = body.Name ?? "", Keyword = body.Keyword ?? "", PropensityModel = model, Calibration = calibration,
            RecommenderFeature = body.RecommenderFeature ?? "", Countries = body.Countries ?? [], Segments = body.Segments ?? [],
            Audience = body.AudienceSize is not null ? AudienceMode.TopN : body.Budget is not null ? AudienceMode.Budget : AudienceMode.Profitable,
            Margin = body.UnitMargin is not null ? MarginMode.PerUnit : MarginMode.ShareOfPrice,
            CapContacts = body.MaxRecentContacts is not null,
        };
        form.StockCodes.AddRange(body.StockCodes ?? []);
        if (body.DiscountPercent is { } discount) form.DiscountPercent = discount;
        if (body.CostPerMessage is { } cost) form.CostPerMessage = cost;
        if (body.UnitMargin is { } unitMargin) form.UnitMargin = unitMargin;
        if (body.MarginSharePercent is { } share) form.MarginSharePercent = share;
        if (body.HorizonDays is { } horizon) form.HorizonDays = horizon;
        if (body.AudienceSize is { } size) form.AudienceSize = size;
        if (body.Budget is { } budget) form.Budget = budget;
        if (body.MaxRecentContacts is { } cap) form.MaxRecentContacts = cap;
        if (body.UseUplift is { } useUplift) form.UseUplift = useUplift;
        if (form.Problems() is { Count: > 0 } problems)
            return Results.Problem(statusCode: 400, title: problems[0], extensions: new Dictionary<string, object?> { ["problems"] = problems });

        var jobId = await launcher.BuildCampaignAsync(dataset, form.ToParameters(dataset.Id), ct);
        if (wait != true) return Results.Accepted($"/api/jobs/{jobId}", new { jobId });
        var job = await JobsApi.WaitForAsync(jobs, jobId, ct);
        if (job.State != JobState.Succeeded || job.ResultJson is null)
            return Results.Problem(statusCode: 422, title: job.Error ?? $"The campaign job ended as {job.State}.", extensions: new Dictionary<string, object?> { ["jobId"] = jobId });
        var result = JsonSerializer.Deserialize<AnalysisJobResult>(job.ResultJson, JobJson.Options)!;
        return Results.Created($"/api/campaigns/{result.RunId}", new { jobId, result.RunId });
    }

    private static CampaignRunDto Dto(AnalysisRunEntity r) =>
        new(r.Id, r.DatasetId, r.Label, r.CreatedAtUtc, r.JobId, JsonSerializer.Deserialize<CampaignRunSummary>(r.SummaryJson, RunStore.Json));

    /// <summary>kind = "campaign" (campaign_&lt;name&gt;.csv) or "crosssell" (crosssell_&lt;name&gt;.csv).</summary>
    private static async Task<IResult> ExportAsync(int runId, string kind, RunStore runs, CancellationToken ct)
    {
        var run = await runs.GetAsync(runId, ct);
        if (run is null || run.Kind != PromotionJobs.CampaignRun.Name) return Problem(404, $"Campaign {runId} not found");
        var writer = new StringWriter();
        switch (kind.ToLowerInvariant())
        {
            case CampaignFileNames.CampaignKind:
                var plan = await runs.ArtifactAsync(runId, PromotionJobs.Artifacts.Plan, ct);
                if (plan is null) return Problem(404, $"Campaign {runId} has no stored plan");
                CampaignExport.Write(writer, plan.Targets);
                break;
            case CampaignFileNames.CrossSellKind:
                var crossSell = await runs.ArtifactAsync(runId, PromotionJobs.Artifacts.CrossSell, ct);
                if (crossSell is null) return Problem(404, $"Campaign {runId} has no cross-sell list (its product had no strong basket partners)");
                CrossSellExport.Write(writer, crossSell);
                break;
            default:
                return Problem(404, $"Unknown export \"{kind}\"; use \"{CampaignFileNames.CampaignKind}\" or \"{CampaignFileNames.CrossSellKind}\"");
        }
        var bytes = new UTF8Encoding(false).GetBytes(writer.ToString());
        return Results.File(bytes, "text/csv; charset=utf-8", CampaignFileNames.For(kind.ToLowerInvariant(), run.Label));
    }

    private static IResult Problem(int status, string title) => Results.Problem(statusCode: status, title: title);
}
