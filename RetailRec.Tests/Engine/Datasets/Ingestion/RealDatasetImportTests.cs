using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Datasets;
using Microsoft.Extensions.Options;
using RetailRec.Engine.Datasets.Ingestion;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Datasets.Ingestion;

/// <summary>Imports the real Online Retail I file into SQLite and reads it back (facts: ../shared/datasets/README.md).</summary>
public class RealDatasetImportTests
{
    [Fact]
    public async Task Imports_and_loads_online_retail_I()
    {
        using var db = new TestDb();
        var importer = new TransactionImporter(db.Factory, Options.Create(new IngestionOptions()));
        await using var file = File.OpenRead(TestPaths.RealDataset);

        var outcome = await importer.ImportAsync(file, "online_retail_I.csv.gz", "Online Retail I");

        Assert.Equal(ImportStatus.Imported, outcome.Status);
        var report = outcome.Report!;
        Assert.Equal(541_909, report.LinesRead);
        Assert.Equal(report.LinesRead, report.RowsImported + report.RowsRejected);
        Assert.Equal(report.RowsImported, report.CleanRows + report.FlaggedRows);
        Assert.Equal(9_288, report.Count(ImportRule.Cancellation));
        Assert.Equal(10_624, report.Count(ImportRule.Return));
        Assert.Equal(135_080, report.Count(ImportRule.MissingCustomer));

        using (var context = db.Context())
        {
            var d = context.Datasets.Single();
            Assert.Equal((4_372, 25_900), (d.Customers, d.Invoices));
            Assert.Equal(541_909, d.RowsImported);
            // Independent figures from Python's csv module: product codes (case-insensitive) and net revenue over
            // product lines that are not exact duplicates (the DatasetSummaryBuilder definitions).
            Assert.Equal(3_942, d.Items);
            Assert.Equal(9_771_318.16, d.Revenue, 2);
            Assert.Equal(new DateTime(2010, 12, 1, 8, 26, 0), d.FirstInvoiceAt);
        }
        Assert.Equal(541_909, db.Scalar("SELECT COUNT(*) FROM transactions"));

        var records = await new DatasetLoader(db.Factory).LoadRecordsAsync(outcome.DatasetId!.Value);
        Assert.Equal(541_909, records.Count);
        Assert.Equal(9_747_747.93, records.Sum(r => r.Quantity * r.Price), 2);
        Assert.Equal(report.FlaggedRows, records.Count(r => r.Flags != RetailRec.Engine.Domain.LineFlags.None));
    }
}
