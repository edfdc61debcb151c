using RetailRec.Engine.Promotions.Uplift;

namespace RetailRec.Tests.Engine.Promotions;

public class PromotionLogCsvTests
{
    [Fact]
    public void Reads_columns_in_any_order_with_flexible_flags_and_dates()
    {
        const string text = "SentDate,Customer ID,StockCode,PromotionID,Treated\n" +
                            "2011-05-02,17850.0,85123A,P1,treatment\n" +
                            "2011-05-02 09:30:00,13047,85123A,P1,0\n" +
                            "2011-06-01 10:00,13047,\"22423\",P2,Yes\n";
        var log = PromotionLogCsv.Read(new StringReader(text));
        Assert.Equal(
        [
            new PromotionLogEntry("17850", "P1", "85123A", true, new DateTime(2011, 5, 2)),
            new PromotionLogEntry("13047", "P1", "85123A", false, new DateTime(2011, 5, 2, 9, 30, 0)),
            new PromotionLogEntry("13047", "P2", "22423", true, new DateTime(2011, 6, 1, 10, 0, 0)),
        ], log);

        var writer = new StringWriter();
        PromotionLogCsv.Write(writer, log);
        Assert.Equal(log, PromotionLogCsv.Read(new StringReader(writer.ToString())));
        Assert.StartsWith(PromotionLogCsv.Header + "\n", writer.ToString());
    }

    [Fact]
    public void Reports_bad_rows_with_line_numbers_and_a_missing_column_by_name()
    {
        const string bad = "CustomerID,PromotionID,StockCode,Treated,SentDate\n" +
                           "1,P1,X,maybe,2011-05-02\n" +
                           ",P1,X,1,02/05/2011\n" +
                           "2,P1,X,1,2011-05-02\n";
        var e = Assert.Throws<PromotionLogFormatException>(() => PromotionLogCsv.Read(new StringReader(bad)));
        Assert.Equal(2, e.Errors.Count);
        Assert.Contains("line 2: Treated 'maybe'", e.Errors[0]);
        Assert.Contains("line 3: empty CustomerID", e.Errors[1]);
        Assert.Contains("SentDate '02/05/2011'", e.Errors[1]);

        var missing = Assert.Throws<PromotionLogFormatException>(() => PromotionLogCsv.Read(new StringReader("CustomerID,StockCode,SentDate\n1,X,2011-01-01\n")));
        Assert.Contains("PromotionID, Treated", missing.Errors[0]);
    }
}
