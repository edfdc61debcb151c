using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RetailRec.Engine.DemoData;
using RetailRec.Engine.Datasets.Uploads;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Storage;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Jobs;

/// <summary>A long job must not keep a new upload waiting: imports run on their own lane.</summary>
public class JobLaneTests
{
    private sealed record Blocking : IJobParameters
    {
        public int? DatasetId => null;
    }

    private static readonly JobKind<Blocking> Training = new("test-long", "Long training", JobLane.Long);

    /// <summary>Runs until cancelled, like a training nobody stops.</summary>
    private sealed class BlockingHandler : JobHandler<Blocking>, IJobKindHandler
    {
        public static JobKind Kind => Training;

        protected override async Task<object?> ExecuteAsync(Blocking p, JobContext context, CancellationToken ct)
        {
            context.Report(10, "training");
            await Task.Delay(Timeout.Infinite, ct);
            return null;
        }
    }

    [Fact]
    public async Task An_import_finishes_while_a_long_job_runs()
    {
        await using var db = await TempDatabase.CreateAsync(s => { s.AddJobWorkerForTests(); s.AddJob<BlockingHandler>(); });
        var worker = db.Services.GetServices<IHostedService>().OfType<JobWorker>().Single();
        await worker.StartAsync(CancellationToken.None);
        var jobs = db.Get<JobService>();

        var training = await jobs.EnqueueAsync(Training, new Blocking());
        await jobs.WaitForAsync(training, s => s.State == JobState.Running);
        var uploads = db.Get<DatasetUploads>();
        var writer = new StringWriter();
        OnlineRetailCsvWriter.Write(writer, DemoDataGenerator.Generate(new DemoDataOptions { TargetLines = 1000, Seed = 4 }).Records);
        var upload = await uploads.SaveAsync(new MemoryStream(Encoding.UTF8.GetBytes(writer.ToString())), "small.csv", null, CancellationToken.None);
        var import = await uploads.ImportAsync(upload, null);

        var imported = await jobs.WaitForAsync(import, s => !s.IsActive);

        Assert.Equal(JobState.Succeeded, imported.State);
        Assert.Equal(JobState.Running, (await jobs.GetAsync(training))!.State); // the long job is still going
        Assert.True(await jobs.CancelAsync(training));
        Assert.Equal(JobState.Cancelled, (await jobs.WaitForAsync(training, s => !s.IsActive)).State);
        await worker.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void Each_lane_runs_at_least_one_job_and_the_setting_raises_it()
    {
        var options = new JobLaneOptions { ShortJobs = 0, LongJobs = 3 };
        Assert.Equal((1, 3), (options.WorkersFor(JobLane.Short), options.WorkersFor(JobLane.Long)));
    }
}
