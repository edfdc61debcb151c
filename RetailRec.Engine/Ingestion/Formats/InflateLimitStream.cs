namespace RetailRec.Engine.Ingestion;

/// <summary>Counts the bytes coming out of a decompressor and stops at the limit: the gzip-bomb guard.</summary>
internal sealed class InflateLimitStream(Stream inner, long maxBytes) : Stream
{
    private long _read;

    public long BytesInflated => _read;

    /// <summary>
    /// .NET's GZipStream ends quietly on a truncated file, so the trailer is checked: its ISIZE field (the last 4 bytes,
    /// little-endian) must equal the inflated length mod 2^32. A cut-off file ends in compressed data instead, which
    /// matches by chance about once in 4 billion. (A file of several concatenated gzip members would also be refused.)
    /// </summary>
    public void VerifyGzipTrailer(ReadOnlySpan<byte> lastBytesOfUpload)
    {
        if (lastBytesOfUpload.Length < 8
            || System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(lastBytesOfUpload[^4..]) != (uint)_read)
            throw SourceOpener.Corrupt(new InvalidDataException("gzip trailer does not match the inflated length"));
    }

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        _read += n;
        if (_read > maxBytes) throw UploadLimits.Inflated(maxBytes);
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
