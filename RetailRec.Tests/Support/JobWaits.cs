using RetailRec.Engine.Jobs;

namespace RetailRec.Tests.Support;

public static class JobWaits
{
    /// <summary>Waits for a condition on the stored job, not for a fixed time.</summary>
    public static async Task<JobSnapshot> WaitForAsync(this JobService jobs, int id, Func<JobSnapshot, bool> condition, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await jobs.GetAsync(id) is { } s && condition(s)) return s;
            await Task.Delay(20);
        }
        throw new TimeoutException($"job {id} never reached the expected state");
    }
}
