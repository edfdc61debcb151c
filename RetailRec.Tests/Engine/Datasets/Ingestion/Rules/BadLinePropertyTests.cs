using System.Globalization;
using System.Text;
using RetailRec.Engine.Datasets.Ingestion;

namespace RetailRec.Tests.Engine.Datasets.Ingestion.Rules;

/// <summary>
/// Property: for a random valid file with random bad lines inserted at random physical lines (blank lines and
/// multi-line quoted descriptions included), the report names exactly the bad lines and the imported rows are exactly
/// the good ones, with their physical start lines and values. A seeded loop, so a failure names its seed.
/// </summary>
public class BadLinePropertyTests
{
    private sealed record Good(string Invoice, string Code, string Description, int Quantity, DateTime Date, decimal Price, string Customer);

    private static readonly Func<Random, string>[] BadLines =
    [
        r => $"9{r.Next(1000)},A1,X,1e3,2010-12-01 08:00:00,1.50,17850,UK",
        r => $"9{r.Next(1000)},A1,X,abc,2010-12-01 08:00:00,1.50,17850,UK",
        r => $"9{r.Next(1000)},A1,X,2.5,2010-12-01 08:00:00,1.50,17850,UK",
        r => $"9{r.Next(1000)},A1,X,1,2010-12-01 08:00:00,NaN,17850,UK",
        r => $"9{r.Next(1000)},A1,X,1,2010-12-01 08:00:00,\"1,5\",17850,UK",
        r => $"9{r.Next(1000)},A1,X,1,2010-12-01 08:00:00,-1.00,17850,UK",
        r => $"9{r.Next(1000)},A1,X,1,2010-12-01 08:00:00,1.50,1.785E+4,UK",
        r => $"9{r.Next(1000)},A1,X,1,2010-12-01 08:00:00,1.50,12A,UK",
        r => $"9{r.Next(1000)},A1,X,1,2010-12-01 08:00:00,1.50,17850,UK,extra",
        r => $"9{r.Next(1000)},A1,X,1,2010-12-01 08:00:00,1.50,17850",
        r => $",A1,X,1,2010-12-01 08:00:00,1.50,17850,UK",
        r => $"9{r.Next(1000)},A1,X,1,someday,1.50,17850,UK",
    ];

    [Fact]
    public void Report_names_exactly_the_bad_lines_and_imports_exactly_the_good_rows()
    {
        for (var seed = 1; seed <= 300; seed++)
        {
            var random = new Random(seed);
            var text = new StringBuilder(IngestFiles.HeaderII + "\n");
            var line = 2L;
            var goods = new List<(long Line, Good Row)>();
            var bads = new List<long>();
            var rows = random.Next(1, 40);
            for (var i = 0; i < rows; i++)
            {
                while (random.Next(8) == 0) { text.Append('\n'); line++; } // blank lines count
                if (random.Next(4) == 0)
                {
                    bads.Add(line);
                    text.Append(BadLines[random.Next(BadLines.Length)](random)).Append('\n');
                    line++;
                    continue;
                }
                var good = RandomGood(random, i);
                goods.Add((line, good));
                var description = good.Description.Contains('\n') || good.Description.Contains(',') ? $"\"{good.Description}\"" : good.Description;
                text.Append(string.Join(',', good.Invoice, good.Code, description, good.Quantity.ToString(CultureInfo.InvariantCulture),
                    good.Date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), good.Price.ToString(CultureInfo.InvariantCulture),
                    good.Customer, "United Kingdom")).Append('\n');
                line += 1 + good.Description.Count(c => c == '\n');
            }
            if (goods.Count + bads.Count == 0) continue;

            var result = IngestFiles.Read(IngestFiles.Text(text.ToString()), options: new IngestionOptions { SamplesPerRule = 1000 });
            var reported = result.Report.Rules.Single(r => r.Rule == ImportRule.Unparseable).Samples.Select(s => s.Line).ToArray();
            Assert.True(bads.SequenceEqual(reported), $"seed {seed}: bad lines [{string.Join(",", bads)}], reported [{string.Join(",", reported)}]");
            Assert.True(goods.Select(g => g.Line).SequenceEqual(result.Records.Select(r => r.LineNumber)), $"seed {seed}: good lines differ");
            foreach (var (expected, actual) in goods.Zip(result.Records))
                Assert.True(
                    (expected.Row.Invoice, expected.Row.Code, expected.Row.Description, expected.Row.Quantity, expected.Row.Date, (double)expected.Row.Price, expected.Row.Customer)
                    == (actual.Invoice, actual.StockCode, actual.Description, actual.Quantity, actual.InvoiceDate, actual.Price, actual.CustomerId),
                    $"seed {seed}: line {expected.Line} imported differently");
            Assert.Equal(bads.Count + goods.Count, result.Report.LinesRead);
        }
    }

    private static Good RandomGood(Random random, int i)
    {
        var description = random.Next(5) switch
        {
            0 => "LANTERN, WHITE",
            1 => "TWO\nLINE NOTE",
            _ => $"ITEM {random.Next(100)}",
        };
        return new Good($"{500000 + i}", $"{20000 + random.Next(50)}", description, random.Next(1, 50),
            new DateTime(2010, 12, 1).AddMinutes(random.Next(500_000)), random.Next(1, 10_000) / 100m, $"{12000 + random.Next(500)}");
    }
}
