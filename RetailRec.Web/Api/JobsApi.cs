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

    /// <summary>For endpoints with <c>wait=true</c>: polls the job until it has ended (the request's token bounds the wait).</summary>
    public static async Task<JobSnapshot> WaitForAsync(JobService jobs, int id, CancellationToken ct)
    {
        while (true)
        {
            if (await jobs.GetAsync(id, ct) is { IsActive: false } done) return done;
            await Task.Delay(100, ct);
        }
    }
}
