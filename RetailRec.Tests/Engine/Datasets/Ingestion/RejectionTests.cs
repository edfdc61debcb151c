using System.Text;
using RetailRec.Engine.Datasets.Ingestion;

namespace RetailRec.Tests.Engine.Datasets.Ingestion;

/// <summary>Files refused as a whole: each with its own kind and a message a user can act on.</summary>
public class RejectionTests
{
    private static ImportRejectedException Reject(Stream stream, string name = "t.csv", IngestionOptions? options = null) =>
        Assert.Throws<ImportRejectedException>(() => IngestFiles.Read(stream, name, options: options));

    [Fact]
    public void Empty_file() => Assert.Equal(RejectionKind.EmptyFile, Reject(new MemoryStream()).Kind);

    [Fact]
    public void Whitespace_only_file() => Assert.Equal(RejectionKind.EmptyFile, Reject(IngestFiles.Text(" \r\n\r\n")).Kind);

    [Fact]
    public void Header_without_data()
    {
        var e = Reject(IngestFiles.Lines(IngestFiles.HeaderII));
        Assert.Equal(RejectionKind.NoDataRows, e.Kind);
        Assert.Contains("no data rows", e.Message);
    }

    [Fact]
    public void Missing_required_column_names_it_and_the_columns_found()
    {
        var e = Reject(IngestFiles.Lines("Invoice,StockCode,Quantity,InvoiceDate,Customer ID", "1,A,1,2010-12-01 08:00:00,1"));
        Assert.Equal(RejectionKind.MissingColumns, e.Kind);
        Assert.Contains("Price", e.Message);
        Assert.Contains("Columns found: Invoice, StockCode", e.Message);
    }

    [Fact]
    public void Binary_file()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52 };
        Assert.Equal(RejectionKind.BinaryFile, Reject(new MemoryStream(png), "sales.csv").Kind);
    }

    [Fact]
    public void Legacy_xls_is_refused_with_advice()
    {
        var e = Reject(new MemoryStream([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]), "old.xls");
        Assert.Equal(RejectionKind.UnsupportedFormat, e.Kind);
        Assert.Contains(".xlsx", e.Message);
    }

    [Fact]
    public void Oversized_upload_of_known_length()
    {
        var e = Reject(IngestFiles.Lines(IngestFiles.HeaderII, "1,A,X,1,2010-12-01 08:00:00,1,1,UK"), options: new IngestionOptions { MaxUploadBytes = 50 });
        Assert.Equal(RejectionKind.TooLarge, e.Kind);
    }

    [Fact]
    public void Oversized_upload_of_unknown_length_stops_while_streaming()
    {
        var lines = Enumerable.Range(0, 200).Select(i => $"{i},A,X,1,2010-12-01 08:00:00,1,1,UK").Prepend(IngestFiles.HeaderII).ToArray();
        var forwardOnly = new ForwardOnlyStream(IngestFiles.Lines(lines));
        var e = Reject(forwardOnly, options: new IngestionOptions { MaxUploadBytes = 4000, SniffBytes = 1024 });
        Assert.Equal(RejectionKind.TooLarge, e.Kind);
        Assert.True(forwardOnly.BytesRead <= 4000 + 65536, "reading stopped near the limit");
    }

    [Fact]
    public void Gzip_bomb_stops_at_the_inflation_limit()
    {
        var csv = new StringBuilder(IngestFiles.HeaderII + "\n");
        for (var i = 0; i < 20_000; i++) csv.Append("1,A,X,1,2010-12-01 08:00:00,1,1,UK\n");
        var gz = IngestFiles.Gzip(Encoding.ASCII.GetBytes(csv.ToString()));
        var e = Reject(gz, "t.csv.gz", new IngestionOptions { MaxDecompressedBytes = 100_000 });
        Assert.Equal(RejectionKind.DecompressionLimit, e.Kind);
        Assert.True(gz.Length < 100_000, "the compressed file itself is under the limit");
    }

    [Fact]
    public void Truncated_gzip_is_reported_as_damaged()
    {
        var csv = new StringBuilder(IngestFiles.HeaderII + "\n");
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++) csv.Append($"{random.Next()},A{random.Next()},X,1,2010-12-01 08:00:00,1,1,UK\n");
        var full = IngestFiles.Gzip(Encoding.ASCII.GetBytes(csv.ToString())).ToArray();
        var e = Reject(new MemoryStream(full[..(full.Length / 2)]), "t.csv.gz");
        Assert.Equal(RejectionKind.CorruptFile, e.Kind);
    }

    [Fact]
    public void Unclosed_quote_hits_the_record_size_guard()
    {
        var body = IngestFiles.HeaderII + "\n1,A,\"never closed," + new string('x', 5000) + "\n";
        var e = Reject(IngestFiles.Text(body), options: new IngestionOptions { MaxRecordBytes = 1024, SniffBytes = 512 });
        Assert.Equal(RejectionKind.CorruptFile, e.Kind);
    }
}

/// <summary>A stream that cannot seek or report its length, like a browser upload.</summary>
internal sealed class ForwardOnlyStream(Stream inner) : Stream
{
    public long BytesRead { get; private set; }
    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = inner.Read(buffer, offset, Math.Min(count, 4096));
        BytesRead += n;
        return n;
    }
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
