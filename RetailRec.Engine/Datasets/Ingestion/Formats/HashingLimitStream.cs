using System.Security.Cryptography;

namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>
/// Read-only pass-through over the uploaded bytes that computes their sha256 while they stream by and refuses to
/// read past the upload limit (so an endless or oversized stream stops early with a clear message).
/// </summary>
internal sealed class HashingLimitStream(Stream inner, long maxBytes, bool leaveOpen) : ForwardReadStream
{
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private string? _hash;

    public long BytesRead => Counted;

    /// <summary>Length of the upload when the source knows it (for progress), else null.</summary>
    public long? KnownLength { get; } = inner.CanSeek ? inner.Length - inner.Position : null;

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        Account(buffer[..n]);
        return n;
    }


    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken);
        Account(buffer.Span[..n]);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private readonly byte[] _tail = new byte[8];

    /// <summary>The last (up to) 8 bytes read: a gzip file's CRC32 and ISIZE trailer.</summary>
    public ReadOnlySpan<byte> Tail => _tail.AsSpan(8 - (int)Math.Min(8, Counted));

    private void Account(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 8) data[^8..].CopyTo(_tail);
        else if (data.Length > 0)
        {
            _tail.AsSpan(data.Length).CopyTo(_tail);
            data.CopyTo(_tail.AsSpan(8 - data.Length));
        }
        Counted += data.Length;
        if (Counted > maxBytes) throw UploadLimits.TooLarge(maxBytes);
        _sha.AppendData(data);
    }

    /// <summary>Reads whatever the parser left unread (e.g. gzip trailer) and returns the lowercase hex sha256.</summary>
    public string FinishHash()
    {
        if (_hash is not null) return _hash;
        var buffer = new byte[81920];
        while (Read(buffer) > 0) { }
        return _hash = Convert.ToHexStringLower(_sha.GetHashAndReset());
    }


    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sha.Dispose();
            if (!leaveOpen) inner.Dispose();
        }
        base.Dispose(disposing);
    }
}

internal static class UploadLimits
{
    public static ImportRejectedException TooLarge(long maxBytes) => new(RejectionKind.TooLarge,
        $"The file is larger than the upload limit of {maxBytes / (1024.0 * 1024):N0} MB. Split it or compress it as .csv.gz.");

    public static ImportRejectedException Inflated(long maxBytes) => new(RejectionKind.DecompressionLimit,
        $"The compressed file expands to more than {maxBytes / (1024.0 * 1024):N0} MB of data, which is over the limit. " +
        "It may be corrupt or a compression bomb; upload a smaller file.");
}
