namespace RetailRec.Web.Api;

public static class ApiEndpoints
{
    public static void MapRetailRecApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        var api = app.MapGroup("/api");
        api.MapGet("/health", () => Results.Ok(new { status = "ok" })).WithName("Health");
        api.MapJobsApi();
        api.MapDatasetsApi();
        api.MapExportsApi();
        api.MapCampaignsApi();
        api.MapRecommendationsApi();
        api.MapEvaluationsApi();
    }
}
