using System.Text;
using RetailRec.Engine.Data.Runs;
using RetailRec.Engine.PromotionRuns;
using RetailRec.Engine.Promotions.Campaigns;
using RetailRec.Engine.Promotions.CrossSell;
using RetailRec.Engine.Promotions.Export;
using RetailRec.Web.Campaigns;

namespace RetailRec.Web.Api;

/// <summary>Saved campaigns over HTTP: the CSV exports of a campaign run (the audience, and the cross-sell list).</summary>
public static class CampaignsApi
{
    public static void MapCampaignsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/campaigns").WithTags("Campaigns");
        g.MapGet("/{runId:int}/export/{kind}", ExportAsync).WithName("CampaignExport");
    }

    /// <summary>kind = "campaign" (campaign_&lt;name&gt;.csv) or "crosssell" (crosssell_&lt;name&gt;.csv).</summary>
    private static async Task<IResult> ExportAsync(int runId, string kind, RunStore runs, CancellationToken ct)
    {
        var run = await runs.GetAsync(runId, ct);
        if (run is null || run.Kind != PromotionRunKinds.Campaign) return Problem(404, $"Campaign {runId} not found");
        var writer = new StringWriter();
        switch (kind.ToLowerInvariant())
        {
            case CampaignFileNames.CampaignKind:
                var plan = await runs.ArtifactAsync<CampaignPlan>(runId, PromotionRunKinds.Artifacts.Plan, ct);
                if (plan is null) return Problem(404, $"Campaign {runId} has no stored plan");
                CampaignExport.Write(writer, plan.Targets);
                break;
            case CampaignFileNames.CrossSellKind:
                var crossSell = await runs.ArtifactAsync<CrossSellResult>(runId, PromotionRunKinds.Artifacts.CrossSell, ct);
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
