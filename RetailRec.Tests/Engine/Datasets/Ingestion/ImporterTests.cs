using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Datasets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RetailRec.Engine.Domain;
using RetailRec.Engine.Datasets.Ingestion;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Datasets.Ingestion;

/// <summary>The importer and loader against a real SQLite file database.</summary>
public class ImporterTests : IDisposable
{
    private readonly TestDb _db = new();

    private static readonly string[] Small =
    [
        IngestFiles.HeaderI,
        "536365,85123A,WHITE HANGING HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom",   // 15.30
        "536365,71053,WHITE METAL LANTERN,2,2010-12-01 08:26:00,3.50,17850.0,United Kingdom",    //  7.00
        "536366,22633,HAND WARMER,10,2010-12-02 09:00:00,1.85,13047.0,France",                   // 18.50
        "C536367,85123A,WHITE HANGING HEART,-1,2010-12-03 10:00:00,2.55,17850.0,United Kingdom", // -2.55 (return)
        "536368,POST,POSTAGE,1,2010-12-03 11:00:00,18.00,13047.0,France",                        // non-product: excluded
        "536369,22633,HAND WARMER,1,2010-12-04 12:00:00,1.85,,United Kingdom",                   //  1.85 (no customer)
        "536365,85123A,WHITE HANGING HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom",   // duplicate: excluded
        "536370,22633,HAND WARMER,x,2010-12-04 12:00:00,1.85,1,UK",                              // unparseable
    ];

    private TransactionImporter Importer(IngestionOptions? options = null) => new(_db.Factory, Options.Create(options ?? new IngestionOptions()));

    private static MemoryStream SmallFile() => IngestFiles.Lines(Small);

    [Fact]
    public async Task Imports_rows_and_summary_in_one_dataset()
    {
        var outcome = await Importer().ImportAsync(SmallFile(), "small.csv", "Small");

        Assert.Equal(ImportStatus.Imported, outcome.Status);
        using var db = _db.Context();
        var d = db.Datasets.Single();
        Assert.Equal(outcome.DatasetId, d.Id);
        Assert.Equal(("Small", "small.csv", 8L, 7L), (d.Name, d.SourceFileName, d.LinesRead, d.RowsImported));
        Assert.Equal(2, d.Customers);
        Assert.Equal(3, d.Items);          // 85123A, 71053, 22633 (POST is not a product)
        Assert.Equal(5, d.Invoices);       // 536365, 536366, C536367, 536368, 536369
        Assert.Equal(new DateTime(2010, 12, 1, 8, 26, 0), d.FirstInvoiceAt);
        Assert.Equal(new DateTime(2010, 12, 4, 12, 0, 0), d.LastInvoiceAt);
        Assert.Equal(15.30 + 7.00 + 18.50 - 2.55 + 1.85, d.Revenue, 6);
        Assert.Equal(2.55 / (15.30 + 7.00 + 18.50 + 1.85), d.ReturnRate, 9);
        var report = JsonSerializer.Deserialize<ImportReport>(d.ReportJson)!;
        Assert.Equal(1, report.RowsRejected);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(SmallFile().ToArray())), d.ContentHash);
        Assert.Equal(7, _db.Scalar($"SELECT COUNT(*) FROM transactions WHERE DatasetId = {d.Id}"));
        Assert.Equal((long)(LineFlags.Cancellation | LineFlags.Return), _db.Scalar("SELECT Flags FROM transactions WHERE Invoice = 'C536367'"));
    }

    [Fact]
    public async Task Rows_written_in_bulk_read_back_through_EF()
    {
        await Importer().ImportAsync(SmallFile(), "small.csv", "Small");
        using var db = _db.Context();
        var cancel = db.Transactions.Single(t => t.Invoice == "C536367");
        Assert.Equal(new DateTime(2010, 12, 3, 10, 0, 0), cancel.InvoiceDate);
        Assert.Equal(LineFlags.Cancellation | LineFlags.Return, cancel.Flags);
        Assert.Equal((5, 2.55, "17850"), (cancel.LineNumber, cancel.Price, cancel.CustomerId));
        Assert.Equal(1, db.Transactions.Count(t => t.InvoiceDate > new DateTime(2010, 12, 4))); // EF's date comparison agrees with the stored text
    }

    [Fact]
    public async Task Loader_returns_the_stored_records_with_flags()
    {
        var id = (await Importer().ImportAsync(SmallFile(), "small.csv", "Small")).DatasetId!.Value;
        var expected = IngestFiles.Read(SmallFile()).Records;

        var loaded = await new DatasetLoader(_db.Factory).LoadRecordsAsync(id);

        Assert.Equal(expected, loaded); // record equality: every field, flags included
        Assert.Null(loaded[5].CustomerId);
    }

    [Fact]
    public async Task Loader_builds_the_retail_log()
    {
        var id = (await Importer().ImportAsync(SmallFile(), "small.csv", "Small")).DatasetId!.Value;
        var log = await new DatasetLoader(_db.Factory).LoadRetailLogAsync(id);
        // Valid sale lines: the two lines of 536365 and 536366 (no return, non-product, unknown customer, duplicate).
        Assert.Equal(3, log.Lines.Length);
        Assert.Equal(2, log.Baskets.Length);
        Assert.Single(log.Returns);
    }

    [Fact]
    public async Task Loader_keeps_the_latest_log_and_never_serves_it_for_another_or_a_deleted_dataset()
    {
        var first = (await Importer().ImportAsync(SmallFile(), "small.csv", "Small")).DatasetId!.Value;
        var second = (await Importer().ImportAsync(IngestFiles.Lines([.. Small, "536371,22633,HAND WARMER,3,2010-12-05 12:00:00,1.85,13047.0,France"]),
            "bigger.csv", "Bigger")).DatasetId!.Value;
        var loader = new DatasetLoader(_db.Factory);

        var a = await loader.LoadRetailLogAsync(first);
        Assert.Same(a, await loader.LoadRetailLogAsync(first));       // the second job on a dataset skips the load
        var b = await loader.LoadRetailLogAsync(second);
        Assert.NotSame(a, b);
        Assert.Equal(4, b.Lines.Length);                               // the extra hand-warmer line
        Assert.Equal(3, (await loader.LoadRetailLogAsync(first)).Lines.Length);

        await using (var ctx = _db.Factory.CreateDbContext())
            await ctx.Datasets.Where(d => d.Id == first).ExecuteDeleteAsync(); // the dataset is gone, whoever deleted it
        await Assert.ThrowsAsync<KeyNotFoundException>(() => loader.LoadRetailLogAsync(first));
    }

    [Fact]
    public async Task Loader_refuses_an_unknown_dataset() =>
        await Assert.ThrowsAsync<KeyNotFoundException>(() => new DatasetLoader(_db.Factory).LoadRecordsAsync(42));

    [Fact]
    public async Task Identical_file_is_not_imported_twice()
    {
        var first = await Importer().ImportAsync(SmallFile(), "small.csv", "First");
        var second = await Importer().ImportAsync(new ForwardOnlyStream(SmallFile()), "copy.csv", "Second");

        Assert.Equal(ImportStatus.AlreadyImported, second.Status);
        Assert.Equal(first.DatasetId, second.DatasetId);
        Assert.Contains("already imported as dataset 'First'", second.Message);
        Assert.Equal(1, _db.Scalar("SELECT COUNT(*) FROM datasets"));
        Assert.Equal(7, _db.Scalar("SELECT COUNT(*) FROM transactions"));
        Assert.Equal(first.DatasetId, (await Importer().FindByHashAsync(first.Report!.ContentHash))!.Id);
    }

    [Fact]
    public async Task Forward_only_upload_is_spooled_and_imported()
    {
        var outcome = await Importer().ImportAsync(new ForwardOnlyStream(SmallFile()), "small.csv", "Small");
        Assert.Equal(ImportStatus.Imported, outcome.Status);
        Assert.Equal(7, _db.Scalar("SELECT COUNT(*) FROM transactions"));
    }

    [Fact]
    public async Task Rejected_file_leaves_nothing_and_says_why()
    {
        var outcome = await Importer().ImportAsync(IngestFiles.Lines(IngestFiles.HeaderI), "empty.csv", "Empty");
        Assert.Equal(ImportStatus.Rejected, outcome.Status);
        Assert.Equal(RejectionKind.NoDataRows, outcome.Rejection);
        Assert.Contains("no data rows", outcome.Message);
        Assert.Equal(0, _db.Scalar("SELECT COUNT(*) FROM datasets"));
    }

    [Fact]
    public async Task Fatal_error_half_way_rolls_back_rows_already_written()
    {
        var csv = new StringBuilder(IngestFiles.HeaderI + "\n");
        for (var i = 0; i < 5_000; i++) csv.Append($"{i},A{i % 50},X,1,2010-12-01 08:00:00,1.5,{i % 70},UK\n");
        var gz = IngestFiles.Gzip(Encoding.ASCII.GetBytes(csv.ToString()));
        var stored = new List<string>();
        var options = new IngestionOptions { BatchSize = 500, SniffBytes = 4096, MaxDecompressedBytes = 100_000 };

        var outcome = await Importer(options).ImportAsync(gz, "big.csv.gz", "Big", progress: new SyncProgress(p => stored.Add(p.Step)));

        Assert.Equal(ImportStatus.Rejected, outcome.Status);
        Assert.Equal(RejectionKind.DecompressionLimit, outcome.Rejection);
        Assert.Contains(stored, s => s.EndsWith("stored 1,000 rows")); // rows really were written before the failure
        Assert.Equal(0, _db.Scalar("SELECT COUNT(*) FROM datasets"));
        Assert.Equal(0, _db.Scalar("SELECT COUNT(*) FROM transactions"));
    }

    [Fact]
    public async Task Cancelled_import_rolls_back()
    {
        var lines = Enumerable.Range(0, 3_000).Select(i => $"{i},A1,X,1,2010-12-01 08:00:00,1.5,7,UK").Prepend(IngestFiles.HeaderI).ToArray();
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress(p => { if (p.Step.EndsWith("stored 1,000 rows")) cts.Cancel(); });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Importer(new IngestionOptions { BatchSize = 500 }).ImportAsync(IngestFiles.Lines(lines), "c.csv", "C", null, progress, cts.Token));

        Assert.Equal(0, _db.Scalar("SELECT COUNT(*) FROM datasets"));
        Assert.Equal(0, _db.Scalar("SELECT COUNT(*) FROM transactions"));
    }

    [Fact]
    public async Task Progress_runs_from_zero_to_one()
    {
        var seen = new List<ImportProgress>();
        await Importer(new IngestionOptions { BatchSize = 2 }).ImportAsync(SmallFile(), "small.csv", "Small", progress: new SyncProgress(seen.Add));
        Assert.Equal(0, seen[0].Fraction);
        Assert.Equal(1, seen[^1].Fraction);
        Assert.Contains(seen, p => p.Step.EndsWith("stored 6 rows")); // one report per stored batch of 2
        Assert.True(seen.Zip(seen.Skip(1)).All(pair => pair.Second.Fraction >= pair.First.Fraction), "progress never goes back");
    }

    public void Dispose() => _db.Dispose();
}

/// <summary>Reports synchronously on the caller's thread (Progress&lt;T&gt; would post asynchronously).</summary>
internal sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
{
    public void Report(ImportProgress value) => report(value);
}
