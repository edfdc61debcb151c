using System.Text.Json;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Jobs.Handlers;
using RetailRec.Engine.Ingestion;

namespace RetailRec.Web.Imports;

/// <summary>Shared by the Datasets page and POST /api/datasets: queue an import of a saved upload, read its result.</summary>
public sealed class ImportCoordinator(JobService jobs, Microsoft.Extensions.Options.IOptions<IngestionOptions> options)
{
    /// <summary>Reads the saved upload's header (and a few rows) to decide whether a mapping step is needed.</summary>
    public HeaderInspection Inspect(string uploadPath) => new HeaderInspector(options.Value).Inspect(uploadPath);

    /// <summary>Queues the import; the client's file name is reduced to a display name (see <see cref="UploadNames"/>).</summary>
    public Task<int> EnqueueAsync(string uploadPath, string fileName, ColumnMapping? mapping, string? datasetName = null, bool isDemo = false)
    {
        var display = UploadNames.Display(fileName);
        var name = string.IsNullOrWhiteSpace(datasetName) ? DefaultName(display) : UploadNames.Clean(datasetName);
        return jobs.EnqueueAsync(ImportJobHandler.KindName, $"Import {display}", new ImportJobParameters(uploadPath, display, name, mapping, true, isDemo));
    }

    public Task<bool> CancelAsync(int jobId) => jobs.CancelAsync(jobId);

    public Task<JobSnapshot?> GetJobAsync(int jobId) => jobs.GetAsync(jobId);

    public static ImportJobResult? ReadResult(JobSnapshot job) =>
        job.ResultJson is null ? null : JsonSerializer.Deserialize<ImportJobResult>(job.ResultJson);

    /// <summary>"online_retail_II.xlsx" becomes "online_retail_II"; a name without a stem (".csv") becomes "csv upload".</summary>
    public static string DefaultName(string fileName)
    {
        var name = UploadNames.Display(fileName);
        var ext = UploadNames.KnownExtension(name);
        var stem = name[..^ext.Length].Trim(' ', '.');
        return stem.Length > 0 ? stem : $"{(ext.Length > 0 ? ext.TrimStart('.') : "file")} upload";
    }
}
