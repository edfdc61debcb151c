using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Marketing.Runs;
using RetailRec.Engine.Marketing.Merchandising;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Marketing.Runs;

public class MarketingSettingsTests
{
    [Fact]
    public async Task A_stock_upload_is_stored_under_a_server_name_with_its_issues_and_removed_again()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = db.Get<MarketingSettingsStore>();
        var csv = "StockCode,OnHand\nA1,5\nB2,x\n../../evil,3\n";

        var stock = await store.SaveStockFileAsync(7, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "../../etc/passwd.csv");

        Assert.Equal("passwd.csv", stock.FileName);
        Assert.Equal(store.StockFolder, Path.GetDirectoryName(stock.Path));
        Assert.StartsWith("dataset-7-", Path.GetFileName(stock.Path));
        Assert.Equal((2, 1), (stock.Rows, stock.IssueCount)); // "../../evil" is just an unknown code to the reader
        Assert.Equal("'x' is not a whole number", stock.Issues.Single().Message);
        var saved = store.Get(7).Stock!;
        Assert.Equal((stock.Path, stock.FileName, stock.Rows, stock.IssueCount), (saved.Path, saved.FileName, saved.Rows, saved.IssueCount));
        Assert.Equal(stock.Issues, saved.Issues);
        Assert.Null(store.Get(8).Stock); // per dataset

        store.RemoveStockFile(7);
        Assert.Null(store.Get(7).Stock);
        Assert.False(File.Exists(stock.Path));
    }

    [Fact]
    public async Task The_launcher_queues_a_job_with_the_saved_strategies_window_and_stock_file()
    {
        await using var db = await TempDatabase.CreateAsync();
        var datasetId = await SeedData.AddDatasetAsync(db, "Shop", SeedData.Row("1", "A", 1, 2, "2011-01-01 10:00", "c1"));
        var edited = DefaultStrategies.All.Select(s => s with { ListLength = 12 }).ToList();
        var store = db.Get<MarketingSettingsStore>();
        store.Update(datasetId, s => s with { Strategies = edited, WindowDays = 60 });
        var stock = await store.SaveStockFileAsync(datasetId, new MemoryStream("StockCode,OnHand\nA,1\n"u8.ToArray()), "stock.csv");

        var jobId = await db.Get<MarketingRunLauncher>().QueueAsync(datasetId);

        var job = (await db.Get<JobService>().GetAsync(jobId))!;
        Assert.Equal(("marketing", datasetId, "Marketing analysis · Shop"), (job.Kind, job.DatasetId, job.Title));
        Assert.Equal(jobId, (await db.Get<JobService>().ActiveAsync(MarketingJobs.Analysis, datasetId))!.Id);
        await using var ctx = await db.Factory.CreateDbContextAsync();
        var p = JsonSerializer.Deserialize<MarketingJobParameters>(ctx.Jobs.Single(j => j.Id == jobId).ParametersJson, JobJson.Options)!;
        Assert.Equal((60, stock.Path, "stock.csv"), (p.WindowDays, p.StockFilePath, p.StockFileName));
        Assert.Equal(edited, p.Strategies);
    }
}
