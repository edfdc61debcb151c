using System.Text.Json;
using Microsoft.Extensions.Options;
using RetailRec.Engine.Datasets.Ingestion;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Storage;

namespace RetailRec.Engine.Datasets.Uploads;

/// <summary>A saved upload and what its header says (whether a column-mapping step is needed).</summary>
public sealed record SavedUpload(string Path, string FileName, HeaderInspection Inspection);

/// <summary>
/// The one upload path, shared by the Datasets page and POST /api/datasets: check, save under the data folder, inspect
/// the header, then queue the import job. The file stays on disk until its import job has a final answer, so an
/// interrupted import can be re-run; anything refused on the way is deleted at once.
/// </summary>
public sealed class DatasetUploads(DataPaths paths, IOptions<IngestionOptions> options, JobService jobs)
{
    public static readonly string[] AcceptedExtensions = [".csv", ".csv.gz", ".gz", ".xlsx", ".txt", ".tsv"];

    public long MaxBytes => options.Value.MaxUploadBytes;

    /// <summary>A user-facing reason to refuse the file before any byte is stored, or null when it may be uploaded.</summary>
    public string? Precheck(string fileName, long size)
    {
        var name = UploadNames.Display(fileName);
        if (size <= 0) return $"\"{name}\" is empty: there is nothing to import.";
        if (size > MaxBytes)
            return $"\"{name}\" is {size / 1048576.0:0.#} MB; the upload limit is {MaxBytes / 1048576} MB (setting RetailRec:Import:MaxUploadMegabytes).";
        if (UploadNames.KnownExtension(fileName).Length == 0)
            return $"\"{name}\" is not a CSV, CSV.GZ or XLSX file.";
        return null;
    }

    /// <summary>Saves and inspects an upload. Throws <see cref="ImportRejectedException"/> (file removed) when it cannot be read.</summary>
    public async Task<SavedUpload> SaveAsync(Stream content, string fileName, IProgress<long>? progress, CancellationToken ct)
    {
        var path = NewUploadPath(fileName);
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                var buffer = new byte[1 << 16];
                long total = 0;
                int n;
                while ((n = await content.ReadAsync(buffer, ct)) > 0)
                {
                    total += n;
                    if (total > MaxBytes) throw new InvalidDataException($"The upload exceeds the {MaxBytes / 1048576} MB limit.");
                    await file.WriteAsync(buffer.AsMemory(0, n), ct);
                    progress?.Report(total);
                }
            }
            var inspection = await Task.Run(() => new HeaderInspector(options.Value).Inspect(path), ct);
            return new SavedUpload(path, fileName, inspection);
        }
        catch
        {
            Delete(path); // nothing half-written is left behind
            throw;
        }
    }

    /// <summary>
    /// Queues the import of a saved upload with the given mapping (or the one detected). Throws
    /// <see cref="MappingRequiredException"/> when required columns are still unmatched; the upload is kept for a retry.
    /// </summary>
    public Task<int> ImportAsync(SavedUpload upload, ColumnMapping? mapping, string? datasetName = null, bool isDemo = false, CancellationToken ct = default)
    {
        var effective = mapping ?? upload.Inspection.DetectedMapping;
        if (effective.MissingRequired() is { Count: > 0 } missing) throw new MappingRequiredException(upload.Inspection, missing);
        return QueueAsync(upload.Path, upload.FileName, mapping, datasetName, isDemo, ct);
    }

    /// <summary>
    /// Queues the import of a file already in the uploads folder (the demo seeder writes its file there). The client's
    /// file name is reduced to a display name (see <see cref="UploadNames"/>).
    /// </summary>
    public Task<int> QueueAsync(string uploadPath, string fileName, ColumnMapping? mapping, string? datasetName = null, bool isDemo = false, CancellationToken ct = default)
    {
        var display = UploadNames.Display(fileName);
        var name = string.IsNullOrWhiteSpace(datasetName) ? DefaultName(display) : UploadNames.Clean(datasetName);
        return jobs.EnqueueAsync(DatasetJobs.Import, new ImportJobParameters(uploadPath, display, name, mapping, true, isDemo), ct);
    }

    public static ImportJobResult? ReadResult(JobSnapshot job) =>
        job.ResultJson is null ? null : JsonSerializer.Deserialize<ImportJobResult>(job.ResultJson, JobJson.Options);

    /// <summary>"online_retail_II.xlsx" becomes "online_retail_II"; a name without a stem (".csv") becomes "csv upload".</summary>
    public static string DefaultName(string fileName)
    {
        var name = UploadNames.Display(fileName);
        var ext = UploadNames.KnownExtension(name);
        var stem = name[..^ext.Length].Trim(' ', '.');
        return stem.Length > 0 ? stem : $"{(ext.Length > 0 ? ext.TrimStart('.') : "file")} upload";
    }

    /// <summary>
    /// A fresh, collision-free path in the uploads folder. The name is generated (the client's name is untrusted and
    /// may be longer than a file system allows); only a recognised extension is kept.
    /// </summary>
    public string NewUploadPath(string fileName)
    {
        Directory.CreateDirectory(paths.Uploads);
        return System.IO.Path.Combine(paths.Uploads, $"{Guid.NewGuid():N}{UploadNames.KnownExtension(fileName)}");
    }

    public static void Delete(string path)
    {
        try { if (File.Exists(path)) File.Delete(path); } catch (IOException) { /* a later clean-up catches it */ }
    }
}

/// <summary>The upload's header leaves required columns unmatched: the caller asks the user (page) or the client (API) for a mapping.</summary>
public sealed class MappingRequiredException(HeaderInspection inspection, IReadOnlyList<TransactionField> missing)
    : Exception("Some required columns could not be matched; send a \"mapping\".")
{
    public HeaderInspection Inspection { get; } = inspection;
    public IReadOnlyList<TransactionField> Missing { get; } = missing;
}
