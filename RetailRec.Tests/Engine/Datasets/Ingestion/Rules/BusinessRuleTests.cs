using RetailRec.Engine.Domain;
using RetailRec.Engine.Datasets.Ingestion;

namespace RetailRec.Tests.Engine.Datasets.Ingestion.Rules;

/// <summary>Rule "business": each policy with its count and samples (README "Business rules").</summary>
public class BusinessRuleTests
{
    private static readonly TransactionReadResult Result = RuleFiles.Read(IngestFiles.HeaderII,
        "100,A1,SOLD,2,2010-12-01 08:00:00,1.50,17850,UK",        // 2 clean
        "101,A2,NEG PRICE,1,2010-12-01 09:00:00,-1.50,17850,UK",  // 3 rejected: negative price on a product
        "102,B,BAD DEBT,1,2010-12-01 09:00:00,-100,,UK",          // 4 adjustment code: kept
        "103,A1,ZERO,0,2010-12-01 10:00:00,1.50,17850,UK",        // 5 zero quantity
        "C104,A1,POSITIVE CANCEL,1,2010-12-01 11:00:00,1.50,17850,UK", // 6 positive quantity on C
        "105,A1,NEGATIVE SALE,-1,2010-12-01 12:00:00,1.50,17850,UK",   // 7 negative quantity on normal invoice
        "106,A1,HEAD,1,2010-12-02 08:00:00,1.50,12345,UK",        // 8 first line of 106
        "106,A3,OTHER CUSTOMER,1,2010-12-02 08:00:00,1.50,99999,UK", // 9 customer differs
        "106,A4,OTHER DATE,1,2010-12-02 09:00:00,1.50,12345,UK",  // 10 date differs
        "106,A5,OTHER COUNTRY,1,2010-12-02 08:00:00,1.50,12345,France", // 11 country differs
        "C107,A1,CANCEL SOLD,-1,2010-12-03 08:00:00,1.50,17850,UK",    // 12 cancels a sold item
        "C108,Z9,CANCEL NEVER SOLD,-1,2010-12-03 08:00:00,1.50,17850,UK"); // 13 cancels an item never sold

    private static LineFlags Flags(long line) => Result.Records.Single(r => r.LineNumber == line).Flags;

    [Fact]
    public void Negative_price_is_rejected_on_products_and_kept_on_adjustment_codes()
    {
        Assert.Equal([(3L, (string?)"Price", "price -1.50 is negative on product line A2 (only adjustment codes such as B may carry a negative price)")],
            Result.Report.Samples(ImportRule.Unparseable));
        Assert.Equal(LineFlags.NonProduct | LineFlags.NonPositivePrice | LineFlags.MissingCustomer, Flags(4));
    }

    [Fact]
    public void Zero_and_contradicting_quantities_are_flagged_and_never_purchases()
    {
        Assert.Equal(LineFlags.ZeroQuantity, Flags(5));
        Assert.Equal(LineFlags.Cancellation | LineFlags.SignMismatch, Flags(6));
        Assert.Equal(LineFlags.Return | LineFlags.SignMismatch, Flags(7));
        Assert.Equal([(5L, (string?)"Quantity", "quantity 0")], Result.Report.Samples(ImportRule.ZeroQuantity));
        Assert.Equal(
        [
            (6L, (string?)"Quantity", "quantity 1 on cancellation invoice C104"),
            (7L, "Quantity", "quantity -1 on normal invoice 105"),
        ], Result.Report.Samples(ImportRule.SignMismatch));
        var purchases = Result.Records.Where(RetailRec.Engine.Datasets.RetailLogs.RetailLogBuilder.IsValidProductLine).Select(r => r.LineNumber);
        Assert.Equal([2L, 8, 9, 10, 11], purchases);
    }

    [Fact]
    public void Lines_of_one_invoice_that_disagree_are_flagged_with_what_differs()
    {
        Assert.Equal(
        [
            (9L, (string?)"Invoice", "invoice 106 has customer 99999 here but 12345 on line 8"),
            (10L, "Invoice", "invoice 106 is dated 2010-12-02 09:00:00 here but 2010-12-02 08:00:00 on line 8"),
            (11L, "Invoice", "invoice 106 has country 'France' here but 'UK' on line 8"),
        ], Result.Report.Samples(ImportRule.InvoiceMismatch));
        Assert.Equal(LineFlags.None, Flags(8));
    }

    [Fact]
    public void A_cancellation_of_an_item_never_sold_is_flagged()
    {
        Assert.Equal([(13L, (string?)"StockCode", "invoice C108 cancels stock code Z9, which no earlier line sold")],
            Result.Report.Samples(ImportRule.UnmatchedCancellation));
        Assert.Equal(LineFlags.Cancellation | LineFlags.Return, Flags(12));
    }

    [Fact]
    public void Counts_add_up()
    {
        var r = Result.Report;
        Assert.Equal((12L, 11L, 1L), (r.LinesRead, r.RowsImported, r.RowsRejected));
        Assert.Equal((1L, 2L, 3L, 1L), (r.Count(ImportRule.ZeroQuantity), r.Count(ImportRule.SignMismatch), r.Count(ImportRule.InvoiceMismatch),
            r.Count(ImportRule.UnmatchedCancellation)));
    }
}
