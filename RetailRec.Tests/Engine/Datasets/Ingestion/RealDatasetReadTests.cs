using RetailRec.Engine.Domain;
using RetailRec.Engine.Datasets.Ingestion;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Datasets.Ingestion;

/// <summary>The reader against the real Online Retail I file, with the facts from ../shared/datasets/README.md.</summary>
public class RealDatasetReadTests
{
    [Fact]
    public void Reads_online_retail_I_with_the_known_counts()
    {
        var result = TransactionFileReader.ReadAll(TestPaths.RealDataset);
        var report = result.Report;

        Assert.Equal("CSV.GZ", report.Format);
        Assert.Equal(541_909, report.LinesRead);
        Assert.Equal(541_909, report.RowsImported);
        Assert.Equal(0, report.RowsRejected);
        Assert.Equal(9_288, report.Count(ImportRule.Cancellation));
        Assert.Equal(10_624, report.Count(ImportRule.Return));
        Assert.Equal(135_080, report.Count(ImportRule.MissingCustomer));
        // Independent count with Python's csv module over all eight columns (as pandas' duplicated()).
        Assert.Equal(5_268, report.Count(ImportRule.Duplicate));
        Assert.Equal(report.LinesRead, report.RowsImported + report.RowsRejected);
        Assert.Equal(report.FlaggedRows, result.Records.Count(r => r.Flags != LineFlags.None));
        Assert.Equal(9_747_747.93, result.Records.Sum(r => r.Quantity * r.Price), 2);
        Assert.Equal(4_372, result.Records.Where(r => r.CustomerId is not null).Select(r => r.CustomerId).Distinct().Count());
        Assert.Equal("17850", result.Records[0].CustomerId);
        Assert.Equal(new DateTime(2010, 12, 1, 8, 26, 0), result.Records[0].InvoiceDate);
        Assert.Equal("33de79933ae174ab8a45162c92cccbbecc8f9a7ac5a4b5560e4912811ad73ce2", report.ContentHash);
    }
}
