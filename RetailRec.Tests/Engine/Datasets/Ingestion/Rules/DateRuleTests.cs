using RetailRec.Engine.Domain;
using RetailRec.Engine.Datasets.Ingestion;

namespace RetailRec.Tests.Engine.Datasets.Ingestion.Rules;

/// <summary>Rule "dates": decided from the column's evidence; impossible dates flagged and kept out of the date range.</summary>
public class DateRuleTests
{
    private static string Row(string invoice, string date) => $"{invoice},A1,X,1,{date},1.50,17850,UK";

    [Fact]
    public void Implausible_dates_are_flagged_and_left_out_of_the_dataset_range()
    {
        var options = new IngestionOptions { LatestPlausibleDate = new DateTime(2026, 12, 10) };
        var result = IngestFiles.Read(IngestFiles.Lines(IngestFiles.HeaderII,
            Row("1", "2010-12-01 08:00:00"),   // 2
            Row("2", "0001-01-01 00:00:00"),   // 3 year 1
            Row("3", "1899-12-31 00:00:00"),   // 4 before 1900
            Row("4", "1970-01-01 00:00:00"),   // 5 Unix epoch
            Row("5", "2999-01-01 00:00:00"),   // 6 far future
            Row("6", "2011-12-09 12:50:00")), options: options);
        Assert.Equal([3L, 4, 5, 6], result.Report.Samples(ImportRule.ImplausibleDate).Select(s => s.Line));
        Assert.Equal("invoice date 2999-01-01 00:00:00", result.Report.Samples(ImportRule.ImplausibleDate)[3].Reason);
        Assert.All(result.Records.Where(r => r.LineNumber is >= 3 and <= 6), r => Assert.True(r.Flags.HasFlag(LineFlags.ImplausibleDate)));

        var summary = new DatasetSummaryBuilder();
        summary.Add(result.Records);
        var dataset = new RetailRec.Engine.Storage.DatasetEntity { Name = "d", SourceFileName = "d.csv", ContentHash = "x" };
        summary.ApplyTo(dataset);
        Assert.Equal((new DateTime(2010, 12, 1, 8, 0, 0), new DateTime(2011, 12, 9, 12, 50, 0)), (dataset.FirstInvoiceAt!.Value, dataset.LastInvoiceAt!.Value));
        var log = RetailRec.Engine.Datasets.RetailLogs.RetailLogBuilder.Build(result.Records);
        Assert.Equal(2, log.Lines.Length);
    }

    private static readonly string[] MixedColumn =
    [
        IngestFiles.HeaderII,
        Row("1", "01/02/2011 10:00"),   // 2 ambiguous: held back, then read day first ... and taken back at line 5
        Row("2", "13/05/2011 10:00"),   // 3 decides day first
        Row("3", "03/04/2011 10:00"),   // 4 ambiguous, read day first ... and taken back at line 5
        Row("4", "05/13/2011 10:00"),   // 5 only month first can read it: the column holds both orders
        Row("5", "04/06/2011 10:00"),   // 6 ambiguous under that evidence: reported at once
        Row("6", "06/06/2011 10:00"),   // 7 the same either way
    ];

    private const string Evidence = "the column has day-first dates (line 3: '13/05/2011 10:00') and month-first dates (line 5: '05/13/2011 10:00'), " +
                                    "so day and month cannot be told apart";

    [Fact]
    public void A_column_with_both_orders_reports_every_ambiguous_date_before_and_after_the_evidence()
    {
        var result = RuleFiles.Read(MixedColumn);
        Assert.Equal([(3L, new DateTime(2011, 5, 13, 10, 0, 0)), (5L, new DateTime(2011, 5, 13, 10, 0, 0)), (7L, new DateTime(2011, 6, 6, 10, 0, 0))],
            result.Records.Select(r => (r.LineNumber, r.InvoiceDate)));
        Assert.Equal(
        [
            (2L, (string?)"InvoiceDate", $"invoice date '01/02/2011 10:00' is ambiguous: {Evidence}"),
            (4L, "InvoiceDate", $"invoice date '03/04/2011 10:00' is ambiguous: {Evidence}"),
            (6L, "InvoiceDate", $"invoice date '04/06/2011 10:00' is ambiguous: {Evidence}"),
        ], result.Report.Samples(ImportRule.Unparseable));
        Assert.Equal((6L, 3L, 3L), (result.Report.LinesRead, result.Report.RowsImported, result.Report.RowsRejected));
    }

    [Fact]
    public async Task Rows_taken_back_are_not_stored_and_not_in_the_summary()
    {
        using var db = new RetailRec.Tests.Support.TestDb();
        var importer = new TransactionImporter(db.Factory);
        var outcome = await importer.ImportAsync(IngestFiles.Lines(MixedColumn), "mixed.csv", "mixed");
        Assert.Equal(ImportStatus.Imported, outcome.Status);
        Assert.Equal([3L, 5L, 7L], db.Context().Transactions.OrderBy(t => t.LineNumber).Select(t => t.LineNumber).ToArray());
        var d = db.Context().Datasets.Single();
        Assert.Equal((3L, new DateTime(2011, 5, 13, 10, 0, 0), new DateTime(2011, 6, 6, 10, 0, 0)), (d.RowsImported, d.FirstInvoiceAt!.Value, d.LastInvoiceAt!.Value));
        Assert.Equal(3, d.Invoices);
        Assert.Equal(4.5, d.Revenue, 6); // three lines of 1 x 1.50
    }
}
