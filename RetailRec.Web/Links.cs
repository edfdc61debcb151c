namespace RetailRec.Web;

/// <summary>
/// The download URLs the API serves and the pages link to, in one place so neither imports the other. Relative (no
/// leading slash) so they work under a path base.
/// </summary>
public static class Links
{
    public static string RunExport(int runId, string file) => $"api/runs/{runId}/exports/{file}";

    public static string EvaluationSplit(int runId, string kind, string file) => $"api/evaluations/{runId}/splits/{kind}/{file}";

    /// <summary>kind: "campaign" (the audience) or "crosssell".</summary>
    public static string CampaignExport(int runId, string kind) => $"api/campaigns/{runId}/export/{kind}";
}
