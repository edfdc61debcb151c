using RetailRec.Engine.DemoData;
using RetailRec.Engine.Marketing.Merchandising;

namespace RetailRec.Tests.Engine.Marketing.Merchandising;

public class StockFileReaderTests
{
    [Fact]
    public void Reads_required_and_optional_columns_with_flexible_headers()
    {
        var r = StockFileReader.Read(new StringReader("Stock Code,on_hand,Received Units,received_date\n85123A,12,40,2011-11-01\n22423, 0 ,,\n"));
        Assert.True(r.IsValid);
        Assert.Equal([new StockRecord("85123A", 12, 40, new DateTime(2011, 11, 1)), new StockRecord("22423", 0)], r.Rows);
    }

    [Fact]
    public void Bad_rows_are_reported_with_line_and_column_and_skipped()
    {
        const string file = "StockCode,OnHand,ReceivedDate\n" +
                            "A,5,\n" +          // 1 ok
                            ",3,\n" +           // 2 empty code
                            "B,-1,\n" +         // 3 negative
                            "C,many,\n" +       // 4 not a number
                            "D,2,01/11/2011\n" +// 5 wrong date format
                            "a,7,\n" +          // 6 duplicate of A (codes are case-insensitive)
                            "E,\n";             // 7 missing on-hand
        var r = StockFileReader.Read(new StringReader(file));
        Assert.Equal(["A"], r.Rows.Select(x => x.StockCode));
        Assert.Equal([(2L, "StockCode"), (3L, "OnHand"), (4L, "OnHand"), (5L, "ReceivedDate"), (6L, "StockCode"), (7L, "OnHand")],
            r.Issues.Select(i => (i.Line, i.Column)));
        Assert.Contains("duplicate of line 1", r.Issues[4].Message);
    }

    [Fact]
    public void Missing_required_columns_are_header_errors()
    {
        var r = StockFileReader.Read(new StringReader("Code,Qty\nA,1\n"));
        Assert.Empty(r.Rows);
        Assert.Equal(["missing column StockCode", "missing column OnHand"], r.Issues.Select(i => i.Message));
        Assert.False(StockFileReader.Read(new StringReader("")).IsValid);
    }

    [Fact]
    public void The_documented_sample_file_is_valid()
    {
        var r = StockFileReader.Read(Path.Combine(RetailRec.Tests.Support.TestPaths.RepoRoot, "data", "sample_stock.csv"));
        Assert.True(r.IsValid);
        Assert.Equal(5, r.Rows.Count);
        Assert.Equal(new StockRecord("84879", 0), r.Rows[2]);
    }

    [Fact]
    public void Reads_the_demo_generator_stock_file()
    {
        var writer = new StringWriter();
        DemoStockFile.Write(writer, [new DemoStockRow("10001A", 4, 24, new DateTime(2011, 10, 3))]);
        var r = StockFileReader.Read(new StringReader(writer.ToString()));
        Assert.True(r.IsValid);
        Assert.Equal(new StockRecord("10001A", 4, 24, new DateTime(2011, 10, 3)), r.Rows.Single());
    }
}
