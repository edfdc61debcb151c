using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RetailRec.Engine.Storage;
using RetailRec.Engine.Jobs;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Jobs;

public class JobWorkerTests
{
    private static readonly JobKind<Params> Scripted = new("scripted", "Scripted");

    private sealed class ScriptedHandler : JobHandler<Params>, IJobKindHandler
    {
        public static JobKind Kind => Scripted;

        protected override async Task<object?> ExecuteAsync(Params p, JobContext context, CancellationToken ct)
        {
            var mode = p.Mode;
            context.Report(50, "half way");
            context.Log("working in mode " + mode);
            switch (mode)
            {
                case "fail": throw new InvalidOperationException("planned failure");
                case "block":
                    await Task.Delay(Timeout.Infinite, ct); // only cancellation ends it
                    return null;
                default: return new { answer = 42 };
            }
        }
    }

    private sealed record Params(string Mode) : IJobParameters
    {
        public int? DatasetId => null;
    }

    private static Task<TempDatabase> CreateAsync() =>
        TempDatabase.CreateAsync(s => { s.AddJobWorkerForTests(); s.AddJob<ScriptedHandler>(); });

    [Fact]
    public async Task A_failing_job_is_marked_failed_and_the_worker_runs_the_next_one()
    {
        await using var db = await CreateAsync();
        var jobs = db.Get<JobService>();
        var worker = db.Services.GetServices<IHostedService>().OfType<JobWorker>().Single();
        await worker.StartAsync(CancellationToken.None);

        var failing = await jobs.EnqueueAsync(Scripted, new Params("fail"));
        var fine = await jobs.EnqueueAsync(Scripted, new Params("ok"));
        var done = await jobs.WaitForAsync(fine, s => !s.IsActive);

        var failed = await jobs.GetAsync(failing);
        Assert.Equal(JobState.Failed, failed!.State);
        Assert.Equal("planned failure", failed.Error);
        Assert.Contains("working in mode fail", failed.Log);
        Assert.Equal(JobState.Succeeded, done.State);
        Assert.Equal(100, done.Progress);
        Assert.Equal("{\"answer\":42}", done.ResultJson);
        await worker.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Cancel_stops_a_running_job_and_progress_is_published_live()
    {
        await using var db = await CreateAsync();
        var jobs = db.Get<JobService>();
        var seen = new List<JobSnapshot>();
        using var sub = db.Get<JobNotifier>().Subscribe(s => { lock (seen) seen.Add(s); return Task.CompletedTask; });
        var worker = db.Services.GetServices<IHostedService>().OfType<JobWorker>().Single();
        await worker.StartAsync(CancellationToken.None);

        var id = await jobs.EnqueueAsync(Scripted, new Params("block"));
        await jobs.WaitForAsync(id, s => s.State == JobState.Running);
        SpinWait.SpinUntil(() => { lock (seen) return seen.Any(s => s.Id == id && s.Step == "half way"); }, TimeSpan.FromSeconds(10));
        Assert.True(await jobs.CancelAsync(id));
        var end = await jobs.WaitForAsync(id, s => !s.IsActive);

        Assert.Equal(JobState.Cancelled, end.State);
        lock (seen) Assert.Contains(seen, s => s.Id == id && s.Progress == 50 && s.Step == "half way");
        await worker.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Recovery_marks_running_jobs_interrupted_and_they_can_be_rerun()
    {
        await using var db = await CreateAsync();
        await using (var ctx = await db.Factory.CreateDbContextAsync())
        {
            ctx.Jobs.Add(new JobEntity { Kind = "scripted", Title = "was running", ParametersJson = "{\"mode\":\"ok\"}", State = JobState.Running, CreatedAtUtc = DateTime.UtcNow });
            await ctx.SaveChangesAsync();
        }
        var jobs = db.Get<JobService>();
        var worker = db.Services.GetServices<IHostedService>().OfType<JobWorker>().Single();
        await worker.StartAsync(CancellationToken.None); // recovery runs first

        var interrupted = await jobs.WaitForAsync(1, s => s.State != JobState.Running);
        Assert.Equal(JobState.Interrupted, interrupted.State);
        Assert.True(interrupted.CanRerun);

        var rerun = await jobs.RerunAsync(1);
        Assert.NotNull(rerun);
        var done = await jobs.WaitForAsync(rerun!.Value, s => !s.IsActive);
        Assert.Equal(JobState.Succeeded, done.State);
        await worker.StopAsync(CancellationToken.None);
    }
}
