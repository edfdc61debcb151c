namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>Counts the bytes coming out of a decompressor and stops at the limit: the gzip-bomb guard.</summary>
internal sealed class InflateLimitStream(Stream inner, long maxBytes) : ForwardReadStream
{

    public long BytesInflated => Counted;

    /// <summary>
    /// .NET's GZipStream ends quietly on a truncated file, so the trailer is checked: its ISIZE field (the last 4 bytes,
    /// little-endian) must equal the inflated length mod 2^32. A cut-off file ends in compressed data instead, which
    /// matches by chance about once in 4 billion. (A file of several concatenated gzip members would also be refused.)
    /// </summary>
    public void VerifyGzipTrailer(ReadOnlySpan<byte> lastBytesOfUpload)
    {
        if (lastBytesOfUpload.Length < 8
            || System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(lastBytesOfUpload[^4..]) != (uint)Counted)
            throw SourceOpener.Corrupt(new InvalidDataException("gzip trailer does not match the inflated length"));
    }

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        Counted += n;
        if (Counted > maxBytes) throw UploadLimits.Inflated(maxBytes);
        return n;
    }


    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
