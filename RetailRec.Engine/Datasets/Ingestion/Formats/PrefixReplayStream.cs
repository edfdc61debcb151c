namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>
/// Gives back the bytes already read for sniffing, then continues with the rest of the source, so a forward-only
/// upload stream can be inspected without seeking.
/// </summary>
internal sealed class PrefixReplayStream(ReadOnlyMemory<byte> prefix, Stream rest, bool leaveOpen = false) : Stream
{
    private int _offset;

    public override int Read(Span<byte> buffer)
    {
        if (_offset < prefix.Length)
        {
            var n = Math.Min(buffer.Length, prefix.Length - _offset);
            prefix.Span.Slice(_offset, n).CopyTo(buffer);
            _offset += n;
            return n;
        }
        return rest.Read(buffer);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Fills a buffer of up to <paramref name="count"/> bytes (fewer only at the end of the stream).</summary>
    public static byte[] ReadPrefix(Stream source, int count)
    {
        var buffer = new byte[count];
        var total = 0;
        int n;
        while (total < count && (n = source.Read(buffer, total, count - total)) > 0) total += n;
        return total == count ? buffer : buffer[..total];
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen) rest.Dispose();
        base.Dispose(disposing);
    }
}
