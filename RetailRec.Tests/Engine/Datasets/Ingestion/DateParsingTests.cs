using RetailRec.Engine.Datasets.Ingestion;

namespace RetailRec.Tests.Engine.Datasets.Ingestion;

public class DateParsingTests
{
    [Theory]
    [InlineData("2010-12-01 08:26:00", 2010, 12, 1, 8, 26, 0)]
    [InlineData("2010-12-01 08:26", 2010, 12, 1, 8, 26, 0)]
    [InlineData("2010-12-01T08:26:05", 2010, 12, 1, 8, 26, 5)]
    [InlineData("2010-12-01T08:26:05.500Z", 2010, 12, 1, 8, 26, 5)]
    [InlineData("2010-12-01T08:26:05+01:00", 2010, 12, 1, 8, 26, 5)]
    [InlineData("2010-12-01", 2010, 12, 1, 0, 0, 0)]
    [InlineData("2010/12/01 8:26", 2010, 12, 1, 8, 26, 0)]
    [InlineData("01.12.2010 08:26", 2010, 12, 1, 8, 26, 0)]
    [InlineData("25/12/2010 17:05", 2010, 12, 25, 17, 5, 0)]
    [InlineData("12/25/2010 7:05", 2010, 12, 25, 7, 5, 0)]
    [InlineData("1/1/2011 8:00:30", 2011, 1, 1, 8, 0, 30)]
    [InlineData("40148", 2009, 12, 1, 0, 0, 0)]
    [InlineData("40148.35", 2009, 12, 1, 8, 24, 0)] // 0.35 day = 8 h 24 min
    public void Parses_every_supported_format(string text, int y, int mo, int d, int h, int mi, int s)
    {
        var parser = new InvoiceDateParser();
        var status = parser.TryParse(text, 1, out var value, out var error);
        Assert.Equal(DateParseStatus.Ok, status);
        Assert.Null(error);
        Assert.Equal(new DateTime(y, mo, d, h, mi, s).Ticks, value.Ticks - value.Ticks % TimeSpan.TicksPerSecond);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2010-13-01 08:00:00")]
    [InlineData("31/02/2010 08:00")]
    [InlineData("1/2/3")]
    public void Rejects_non_dates_with_a_reason(string text)
    {
        var status = new InvoiceDateParser().TryParse(text, 1, out _, out var error);
        Assert.Equal(DateParseStatus.Invalid, status);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Ambiguous_slash_date_waits_until_the_file_decides()
    {
        var parser = new InvoiceDateParser();
        Assert.Equal(DateParseStatus.AmbiguousOrder, parser.TryParse("01/02/2010 10:00", 1, out _, out _));
        Assert.Equal(DateParseStatus.Ok, parser.TryParse("13/02/2010 10:00", 2, out var decided, out _));
        Assert.Equal(SlashDateOrder.DayFirst, parser.Order);
        Assert.Equal(new DateTime(2010, 2, 13, 10, 0, 0), decided);
        Assert.Equal(DateParseStatus.Ok, parser.TryParse("01/02/2010 10:00", 1, out var first, out _));
        Assert.Equal(new DateTime(2010, 2, 1, 10, 0, 0), first);
        // Issue 13: a later value that is only valid month first is read month first (its only reading); from then on
        // the column holds both orders, so an ambiguous value is invalid instead of guessed.
        Assert.Equal(DateParseStatus.Ok, parser.TryParse("02/13/2010 10:00", 3, out var onlyReading, out _));
        Assert.Equal(new DateTime(2010, 2, 13, 10, 0, 0), onlyReading);
        Assert.Equal(DateParseStatus.Invalid, parser.TryParse("03/04/2010 10:00", 4, out _, out var error));
        Assert.Equal("invoice date '03/04/2010 10:00' is ambiguous: the column has day-first dates (line 2: '13/02/2010 10:00') and " +
                     "month-first dates (line 3: '02/13/2010 10:00'), so day and month cannot be told apart", error);
    }

    [Fact]
    public void Same_day_and_month_is_never_ambiguous()
    {
        Assert.Equal(DateParseStatus.Ok, new InvoiceDateParser().TryParse("05/05/2010 10:00", 1, out var v, out _));
        Assert.Equal(new DateTime(2010, 5, 5, 10, 0, 0), v);
    }

    [Fact]
    public void File_with_month_first_dates_is_read_month_first_from_the_first_unambiguous_row()
    {
        var result = IngestFiles.Read(IngestFiles.Lines(IngestFiles.HeaderII,
            "1,A,X,1,12/1/2010 8:26,1,1,UK",   // ambiguous: held back
            "2,A,X,1,12/2/2010 8:26,1,1,UK",   // ambiguous: held back
            "3,A,X,1,12/13/2010 8:26,1,1,UK",  // decides month first
            "4,A,X,1,1/5/2011 9:00,1,1,UK"));
        Assert.Equal(
            [new DateTime(2010, 12, 1, 8, 26, 0), new DateTime(2010, 12, 2, 8, 26, 0), new DateTime(2010, 12, 13, 8, 26, 0), new DateTime(2011, 1, 5, 9, 0, 0)],
            result.Records.Select(r => r.InvoiceDate));
        Assert.Equal([2L, 3, 4, 5], result.Records.Select(r => r.LineNumber)); // physical lines, header = 1 (issue 13)
        Assert.Contains(result.Report.Notes, n => n.Contains("month first") && n.Contains("line 4"));
    }

    [Fact]
    public void File_that_never_decides_uses_the_day_first_fallback()
    {
        var result = IngestFiles.Read(IngestFiles.Lines(IngestFiles.HeaderII, "1,A,X,1,01/02/2010 08:00,1,1,UK", "2,A,X,1,03/04/2010 08:00,1,1,UK"));
        Assert.Equal([new DateTime(2010, 2, 1, 8, 0, 0), new DateTime(2010, 4, 3, 8, 0, 0)], result.Records.Select(r => r.InvoiceDate));
        Assert.Contains(result.Report.Notes, n => n.Contains("day first"));
    }

    [Fact]
    public void Hold_back_limit_applies_the_fallback_early_and_keeps_order()
    {
        var options = new IngestionOptions { MaxPendingAmbiguousRows = 2, AmbiguousDateFallback = SlashDateOrder.MonthFirst };
        var result = IngestFiles.Read(IngestFiles.Lines(IngestFiles.HeaderII,
            "1,A,X,1,01/02/2010 08:00,1,1,UK", "2,A,X,1,03/04/2010 08:00,1,1,UK", "3,A,X,1,13/04/2010 08:00,1,1,UK"), options: options);
        // Issue 13: 13/04 has one reading (day first), so it is read so; the column then holds both orders, so the two
        // ambiguous dates read month first by the fallback are taken back and reported, not guessed.
        Assert.Equal([new DateTime(2010, 4, 13, 8, 0, 0)], result.Records.Select(r => r.InvoiceDate));
        Assert.Equal(2, result.Report.RowsRejected);
        Assert.Contains(result.Report.Notes, n => n.Contains("2 taken back after the evidence appeared"));
    }

    [Fact]
    public void Forced_order_skips_detection()
    {
        var options = new IngestionOptions { DateOrder = SlashDateOrder.MonthFirst };
        var result = IngestFiles.Read(IngestFiles.Lines(IngestFiles.HeaderII, "1,A,X,1,01/02/2010 08:00,1,1,UK"), options: options);
        Assert.Equal(new DateTime(2010, 1, 2, 8, 0, 0), result.Records[0].InvoiceDate);
    }
}
