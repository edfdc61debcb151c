namespace RetailRec.Web.Imports;

/// <summary>Saves uploads (from the page or the API) under the data folder until their import job has run.</summary>
public sealed class UploadStore(AppPaths paths, UploadLimits limits)
{
    public static readonly string[] AcceptedExtensions = [".csv", ".csv.gz", ".gz", ".xlsx", ".txt", ".tsv"];

    public long MaxBytes => limits.MaxBytes;

    /// <summary>A user-facing reason to refuse the file before any byte is stored, or null when it may be uploaded.</summary>
    public string? Precheck(string fileName, long size)
    {
        var name = UploadNames.Display(fileName);
        if (size <= 0) return $"\"{name}\" is empty: there is nothing to import.";
        if (size > limits.MaxBytes)
            return $"\"{name}\" is {size / 1048576.0:0.#} MB; the upload limit is {limits.MaxBytes / 1048576} MB (setting RetailRec:Import:MaxUploadMegabytes).";
        if (UploadNames.KnownExtension(fileName).Length == 0)
            return $"\"{name}\" is not a CSV, CSV.GZ or XLSX file.";
        return null;
    }

    public async Task<string> SaveAsync(Stream content, string fileName, IProgress<long>? progress, CancellationToken ct)
    {
        var path = NewUploadPath(fileName);
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            var buffer = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = await content.ReadAsync(buffer, ct)) > 0)
            {
                total += n;
                if (total > limits.MaxBytes) throw new InvalidDataException($"The upload exceeds the {limits.MaxBytes / 1048576} MB limit.");
                await file.WriteAsync(buffer.AsMemory(0, n), ct);
                progress?.Report(total);
            }
            return path;
        }
        catch
        {
            Delete(path); // nothing half-written is left behind
            throw;
        }
    }

    /// <summary>
    /// A fresh, collision-free path in the uploads folder. The name is generated (the client's name is untrusted and
    /// may be longer than a file system allows); only a recognised extension is kept.
    /// </summary>
    public string NewUploadPath(string fileName) =>
        Path.Combine(paths.Uploads, $"{Guid.NewGuid():N}{UploadNames.KnownExtension(fileName)}");

    public static void Delete(string path)
    {
        try { if (File.Exists(path)) File.Delete(path); } catch (IOException) { /* a later clean-up catches it */ }
    }
}
