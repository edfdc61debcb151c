namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>
/// Base of the ingestion's pass-through readers (hashing, inflate limits): forward-only, read-only, with the position
/// being the bytes read so far. Subclasses only implement Read(Span) and count into <see cref="Counted"/>.
/// </summary>
internal abstract class ForwardReadStream : Stream
{
    /// <summary>Bytes read through this stream so far.</summary>
    protected long Counted { get; set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => Counted; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
