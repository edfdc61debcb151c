using RetailRec.Engine.Jobs;

namespace RetailRec.Web.Api;

public static class JobsApi
{
    public static void MapJobsApi(this RouteGroupBuilder api)
    {
        var jobs = api.MapGroup("/jobs").WithTags("Jobs");
        jobs.MapGet("/", async (JobService s, int? take) => Results.Ok(await s.ListAsync(Math.Clamp(take ?? 50, 1, 500))));
        jobs.MapGet("/{id:int}", async (JobService s, int id) =>
            await s.GetAsync(id) is { } job ? Results.Ok(job) : Results.Problem(statusCode: 404, title: $"Job {id} not found"));
        jobs.MapPost("/{id:int}/cancel", async (JobService s, int id) =>
            await s.CancelAsync(id) ? Results.Accepted() : Results.Problem(statusCode: 409, title: $"Job {id} is not queued or running"));
        jobs.MapPost("/{id:int}/rerun", async (JobService s, int id) =>
            await s.RerunAsync(id) is int newId ? Results.Accepted($"/api/jobs/{newId}", new { id = newId })
                : Results.Problem(statusCode: 409, title: $"Job {id} cannot be re-run"));
    }
}
