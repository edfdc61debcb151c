using RetailRec.Engine.Marketing.Runs;
using RetailRec.Engine.Export;
using RetailRec.Engine.Marketing.Merchandising;
using RetailRec.Tests.Engine.Marketing.Merchandising;

namespace RetailRec.Tests.Engine.Export;

public class CsvExportTests
{
    private sealed record Row(string? Text, double Number, int? Count, bool Flag);

    private static readonly CsvColumn<Row>[] Columns =
        [new("text", r => r.Text), new("number", r => r.Number), new("count", r => r.Count), new("flag", r => r.Flag)];

    private static CsvTable RoundTrip<T>(IEnumerable<T> rows, IReadOnlyList<CsvColumn<T>> columns)
    {
        var writer = new StringWriter();
        CsvTableWriter.Write(writer, rows, columns);
        return CsvTableReader.Read(new StringReader(writer.ToString()));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1")]
    [InlineData("\r=1")]
    [InlineData("\uFF1DHYPERLINK(\"http://x\")")] // full-width ＝
    [InlineData("\uFF0B1+1")]                      // full-width ＋
    [InlineData("\uFF0D2+3")]                      // full-width －
    [InlineData("\uFF20SUM(A1)")]                  // full-width ＠
    public void Text_cells_that_could_be_formulas_get_a_leading_quote(string text)
    {
        var table = RoundTrip([new Row(text, 0, null, false)], Columns);
        Assert.Equal("'" + text, table.Rows[0][0]);
    }

    [Fact]
    public void Safe_text_numbers_nulls_and_booleans_are_written_as_they_are()
    {
        var table = RoundTrip([new Row("a=b, \"quoted\"", -3.25, -7, true), new Row(null, 1e-9, null, false)], Columns);
        Assert.Equal(["text", "number", "count", "flag"], table.Header);
        Assert.Equal(["a=b, \"quoted\"", "-3.25", "-7", "True"], table.Rows[0]);  // negative NUMBERS are not neutralised
        Assert.Equal(["", "1E-09", "", "False"], table.Rows[1]);
        Assert.Equal(1e-9, double.Parse(table.Rows[1][1], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Pipeline_exports_round_trip()
    {
        var log = RandomRetailLog.Build(seed: 4, customers: 20);
        var result = MarketingPipeline.Run(log, new MarketingOptions { TradeOff = new TradeOffOptions { Enabled = false } },
            () => new FormulaRecommender((c, i) => (5 * c + i) % 13));
        var dir = Path.Combine(Path.GetTempPath(), "retailrec-export-" + Guid.NewGuid().ToString("N"));
        try
        {
            var files = MarketingExports.WriteAll(result, dir);
            Assert.Equal(6, files.Count);

            var items = CsvTableReader.Read(Path.Combine(dir, MarketingExports.FileNames.UserStrategyItems));
            Assert.Equal(result.StrategyItems.Count, items.Rows.Count);
            Assert.Equal(result.StrategyItems.Select(i => i.StockCode), items.Values("stock_code"));
            Assert.Equal(result.StrategyItems.Select(i => i.Class.ToString()), items.Values("class"));
            Assert.Equal(result.StrategyItems.Select(i => i.Score), items.Values("score").Select(s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture)));

            var rfm = CsvTableReader.Read(Path.Combine(dir, MarketingExports.FileNames.UserRfm));
            Assert.Equal(result.Segmentation.Customers.Select(c => c.Monetary),
                rfm.Values("monetary").Select(s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(result.Segmentation.Segments.Select(s => s.Scores.RfmCode), rfm.Values("rfm_code"));

            var segments = CsvTableReader.Read(Path.Combine(dir, MarketingExports.FileNames.UserSegments));
            Assert.Equal(result.Segmentation.Segments.Select(s => s.MarketingSegment), segments.Values("marketing_segment"));
            var mix = CsvTableReader.Read(Path.Combine(dir, MarketingExports.FileNames.StrategySellThroughMix));
            Assert.Equal(result.Audit.Select(a => a.Slots.ToString()), mix.Values("slots"));
            var sell = CsvTableReader.Read(Path.Combine(dir, MarketingExports.FileNames.ItemSellThrough));
            Assert.Equal(log.ItemCount, sell.Rows.Count);
            var top = CsvTableReader.Read(Path.Combine(dir, MarketingExports.FileNames.SegmentTopItems));
            Assert.Equal(result.Segmentation.TopItems.Count, top.Rows.Count);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_hostile_description_is_neutralised_in_a_real_export()
    {
        var item = new UserStrategyItem(0, "-12345", "Champions", "=cmd|' /C calc'!A0", 1, 0, "+85123A", "@SUM(1,2)", PickSource.Model, StockClass.Fast, -0.5);
        var table = RoundTrip([item], MarketingExports.UserStrategyItems);
        Assert.Equal("'-12345", table.Values("customer_id").Single());
        Assert.Equal("'=cmd|' /C calc'!A0", table.Values("strategy").Single());
        Assert.Equal("'+85123A", table.Values("stock_code").Single());
        Assert.Equal("'@SUM(1,2)", table.Values("description").Single());
        Assert.Equal("-0.5", table.Values("score").Single());
    }
}
