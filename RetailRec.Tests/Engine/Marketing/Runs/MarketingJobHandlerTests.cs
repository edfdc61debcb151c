using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RetailRec.Engine.Runs;
using RetailRec.Engine.Export;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Marketing.Runs;
using RetailRec.Engine.Marketing.Merchandising;
using RetailRec.Engine.Marketing.Segmentation;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Marketing.Runs;

public class MarketingJobHandlerTests
{
    private static readonly string[] ExportNames =
    [
        MarketingExports.FileNames.UserRfm, MarketingExports.FileNames.UserSegments, MarketingExports.FileNames.SegmentTopItems,
        MarketingExports.FileNames.ItemSellThrough, MarketingExports.FileNames.UserStrategyItems, MarketingExports.FileNames.StrategySellThroughMix,
    ];

    [Fact]
    public async Task Stores_a_run_with_page_artifacts_and_writes_six_neutralised_exports()
    {
        await using var db = await TempDatabase.CreateAsync();
        var (datasetId, hostileCode) = await DemoImport.ImportAsync(db);
        var runner = new MarketingJobRunner(db);

        var result = await runner.RunAsync(new MarketingJobParameters(datasetId), jobId: 41);

        var store = db.Get<RunStore>();
        var run = (await store.GetAsync(result.RunId))!;
        Assert.Equal(("marketing", datasetId, 41), (run.Kind, run.DatasetId, run.JobId));
        var summary = JsonSerializer.Deserialize<MarketingRunSummary>(run.SummaryJson, RunStore.Json)!;
        Assert.Null(summary.PreviousRunId);

        var customers = (await store.ArtifactAsync(run.Id, MarketingArtifacts.Customers))!;
        Assert.Equal(summary.Customers, customers.Count);
        Assert.True(customers.Count > 50, $"only {customers.Count} customers");
        Assert.All(customers, c => Assert.Contains(c.Segment, MarketingSegmentMap.Segments));
        var profiles = (await store.ArtifactAsync(run.Id, MarketingArtifacts.Profiles))!;
        Assert.Equal(customers.Count, profiles.Where(p => p.Scheme == SegmentSchemes.Marketing).Sum(p => p.Customers));
        foreach (var p in profiles.Where(p => p.Scheme == SegmentSchemes.Marketing))
            Assert.Equal(customers.Count(c => c.Segment == p.Segment), p.Customers);

        var clustering = (await store.ArtifactAsync(run.Id, MarketingArtifacts.Clustering))!;
        Assert.InRange(clustering.BestK, 2, 10);
        Assert.Equal(clustering.BestK, customers.Select(c => c.Cluster).Distinct().Count());
        Assert.Equal(clustering.Dbscan!.Noise, customers.Count(c => c.Outlier));

        // The third clustering, on the autoencoder's 3-D embedding, is stored with its own curve and points.
        var autoencoder = (await store.ArtifactAsync(run.Id, MarketingArtifacts.AutoencoderClustering))!;
        Assert.Equal("autoencoder", autoencoder.InputName);
        Assert.Equal(3, autoencoder.Dimensions);
        var points = (await store.ArtifactAsync(run.Id, MarketingArtifacts.AutoencoderPoints))!;
        Assert.Equal(customers.Count, points.Count);
        Assert.Equal(autoencoder.BestK, points.Select(p => p.Cluster).Distinct().Count());

        var sell = (await store.ArtifactAsync(run.Id, MarketingArtifacts.SellThrough))!;
        Assert.Equal(summary.Items, sell.Items.Count);
        Assert.Equal(30, sell.WindowDays);
        Assert.False(sell.HasStock);

        var items = (await store.ArtifactAsync(run.Id, MarketingArtifacts.StrategyItems))!;
        Assert.Equal(summary.StrategyItems, items.TotalItems);
        Assert.Equal(items.TotalItems, items.Sources.Sum(s => s.Count));
        Assert.All(items.Samples.GroupBy(s => s.Segment), g => Assert.InRange(g.Count(), 1, MarketingArtifactMapper.SamplesPerSegment));
        Assert.All(items.Samples, s => Assert.Equal(Enumerable.Range(1, s.Items.Count), s.Items.Select(i => i.Rank)));

        var audit = (await store.ArtifactAsync(run.Id, MarketingArtifacts.Audit))!;
        Assert.NotEmpty(audit);
        Assert.All(audit, a => Assert.Null(a.DeltaSlowShare)); // first run: nothing to compare with
        var tradeOff = (await store.ArtifactAsync(run.Id, MarketingArtifacts.TradeOff))!;
        Assert.Equal(new TradeOffOptions().Levels.Count, tradeOff.Points.Count);

        // Exports: six files in run-<id>/, staging folder gone, the hostile description neutralised.
        var dir = db.Get<RetailRec.Engine.Storage.DataPaths>().RunFiles(run.Id);
        Assert.Equal(dir, result.ExportDirectory);
        Assert.Equal(ExportNames.Order(), Directory.GetFiles(dir).Select(Path.GetFileName).Order());
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(dir)!, "*.tmp"));
        var sellCsv = CsvTableReader.Read(Path.Combine(dir, MarketingExports.FileNames.ItemSellThrough));
        var hostileRow = sellCsv.Rows.Single(r => r[sellCsv.Column("stock_code")] == hostileCode);
        Assert.Equal("'" + DemoImport.HostileDescription, hostileRow[sellCsv.Column("description")]);
        Assert.Equal(customers.Count, CsvTableReader.Read(Path.Combine(dir, MarketingExports.FileNames.UserSegments)).Rows.Count);

        // Live progress: forward only, through the pipeline's stages, ending at the save.
        var percents = runner.Reports.Select(r => r.Percent).ToList();
        Assert.Equal(percents.Order(), percents);
        Assert.Contains(runner.Reports, r => r.Step == "Segmenting and clustering customers");
        Assert.Contains(runner.Reports, r => r.Step == "Measuring the slow-stock trade-off");
        Assert.Equal("Saving results", runner.Reports[^1].Step);
    }

    [Fact]
    public async Task A_second_run_uses_edited_strategies_a_stock_file_and_compares_its_audit_with_the_first()
    {
        await using var db = await TempDatabase.CreateAsync();
        var (datasetId, hostileCode) = await DemoImport.ImportAsync(db, hostile: false);
        var runner = new MarketingJobRunner(db);
        var first = await runner.RunAsync(new MarketingJobParameters(datasetId));

        var edited = DefaultStrategies.All.Select(s => s.Segment == MarketingSegmentMap.LowValue
            ? s with { Name = "Low value: heavy clearance", MinSlowShare = 0.6, MaxSlowShare = 0.7 } : s).ToList();
        var stockPath = Path.Combine(db.Folder, "stock.csv");
        await File.WriteAllTextAsync(stockPath, $"StockCode,OnHand\n{hostileCode},40\nNOPE-1,-3\n");
        var second = await runner.RunAsync(new MarketingJobParameters(datasetId, WindowDays: 45, Strategies: edited, StockFilePath: stockPath, StockFileName: "shop stock.csv"));

        var store = db.Get<RunStore>();
        var run = (await store.GetAsync(second.RunId))!;
        Assert.Equal(first.RunId, JsonSerializer.Deserialize<MarketingRunSummary>(run.SummaryJson, RunStore.Json)!.PreviousRunId);
        Assert.Contains("edited strategies", run.Label);
        Assert.Equal(45, JsonSerializer.Deserialize<MarketingJobParameters>(run.ParametersJson, RunStore.Json)!.WindowDays);

        var firstAudit = (await store.ArtifactAsync(first.RunId, MarketingArtifacts.Audit))!;
        var audit = (await store.ArtifactAsync(second.RunId, MarketingArtifacts.Audit))!;
        var lowValue = audit.Single(a => a.Segment == MarketingSegmentMap.LowValue);
        Assert.Equal(("Low value: heavy clearance", 0.6, 0.7), (lowValue.Strategy, lowValue.MinSlowShare, lowValue.MaxSlowShare));
        Assert.Null(lowValue.DeltaSlowShare); // renamed strategy: no previous row of that name
        var champions = audit.Single(a => a.Segment == MarketingSegmentMap.Champions);
        var before = firstAudit.Single(a => a.Strategy == champions.Strategy);
        Assert.Equal(champions.SlowShare - before.SlowShare, champions.DeltaSlowShare!.Value, 12);

        var stock = (await store.ArtifactAsync(second.RunId, MarketingArtifacts.Stock))!;
        Assert.Equal(("shop stock.csv", 1, 1, 0), (stock.FileName, stock.Rows, stock.IssueCount, stock.UnknownCodes));
        var sell = (await store.ArtifactAsync(second.RunId, MarketingArtifacts.SellThrough))!;
        Assert.True(sell.HasStock);
        Assert.Equal(45, sell.WindowDays);
        Assert.Equal(40, sell.Items.Single(i => i.StockCode == hostileCode).OnHand);
    }

    [Fact]
    public async Task A_successful_import_queues_a_marketing_run_then_training_for_the_new_dataset()
    {
        await using var db = await TempDatabase.CreateAsync();
        var upload = Path.Combine(db.Folder, "upload.csv");
        var demo = RetailRec.Engine.DemoData.DemoDataGenerator.Generate(new() { TargetLines = 2000, Seed = 3 });
        RetailRec.Engine.DemoData.OnlineRetailCsvWriter.WriteFile(upload, demo.Records);
        await using var scope = db.Services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredKeyedService<IJobHandler>("import");
        var parameters = new RetailRec.Engine.Datasets.Ingestion.ImportJobParameters(upload, "upload.csv", "Upload", null);
        var context = new JobContext(1, null, JsonSerializer.Serialize(parameters, JobJson.Options), (_, _) => { }, _ => { });

        var imported = JsonSerializer.Deserialize<RetailRec.Engine.Datasets.Ingestion.ImportJobResult>((await import.RunAsync(context, CancellationToken.None))!, JobJson.Options)!;

        // Both after-import follow-ups are queued by the import itself, marketing first (training uses its segments).
        var all = await db.Get<JobService>().ListAsync();
        Assert.Equal(["marketing", "recommend-train"], all.OrderBy(j => j.Id).Select(j => j.Kind));
        var queued = all.Single(j => j.Kind == "marketing");
        Assert.Equal(("marketing", imported.DatasetId, RetailRec.Engine.Storage.JobState.Queued), (queued.Kind, queued.DatasetId, queued.State));
        await using var ctx = await db.Factory.CreateDbContextAsync();
        var json = ctx.Jobs.Single(j => j.Id == queued.Id).ParametersJson;
        Assert.Equal(imported.DatasetId, JsonSerializer.Deserialize<MarketingJobParameters>(json, JobJson.Options)!.DatasetId);
    }
}
