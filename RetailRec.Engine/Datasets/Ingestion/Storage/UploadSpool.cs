using System.Security.Cryptography;

namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>
/// Makes an upload seekable and hashed before parsing, so an identical file is recognised before any work is done.
/// A seekable stream is hashed in place and rewound; anything else (a browser upload) is copied asynchronously to a
/// temp file that is deleted on close. Both enforce <see cref="IngestionOptions.MaxUploadBytes"/>.
/// </summary>
internal sealed class UploadSpool : IAsyncDisposable
{
    private readonly FileStream? _temp;

    private UploadSpool(Stream content, string hash, FileStream? temp)
    {
        Content = content;
        ContentHash = hash;
        _temp = temp;
    }

    public Stream Content { get; }
    public string ContentHash { get; }

    public static async Task<UploadSpool> CreateAsync(Stream upload, long maxBytes, CancellationToken cancellationToken)
    {
        if (upload.CanSeek)
        {
            if (upload.Length - upload.Position > maxBytes) throw UploadLimits.TooLarge(maxBytes);
            var start = upload.Position;
            var hash = await HashAsync(upload, null, maxBytes, cancellationToken);
            upload.Position = start;
            return new UploadSpool(upload, hash, null);
        }
        var path = Path.Combine(Path.GetTempPath(), $"retailrec-upload-{Guid.NewGuid():N}.tmp");
        var temp = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var hash = await HashAsync(upload, temp, maxBytes, cancellationToken);
            temp.Position = 0;
            return new UploadSpool(temp, hash, temp);
        }
        catch
        {
            await temp.DisposeAsync();
            throw;
        }
    }

    private static async Task<string> HashAsync(Stream source, Stream? copy, long maxBytes, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += n;
            if (total > maxBytes) throw UploadLimits.TooLarge(maxBytes);
            sha.AppendData(buffer, 0, n);
            if (copy is not null) await copy.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public async ValueTask DisposeAsync()
    {
        if (_temp is not null) await _temp.DisposeAsync();
    }
}
