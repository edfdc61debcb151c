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

    public Task<int> EnqueueAsync(string uploadPath, string fileName, ColumnMapping? mapping, string? datasetName = null, bool isDemo = false) =>
        jobs.EnqueueAsync(ImportJobHandler.KindName, $"Import {fileName}",
            new ImportJobParameters(uploadPath, fileName, string.IsNullOrWhiteSpace(datasetName) ? DefaultName(fileName) : datasetName.Trim(), mapping, true, isDemo));

    public Task<bool> CancelAsync(int jobId) => jobs.CancelAsync(jobId);

    public Task<JobSnapshot?> GetJobAsync(int jobId) => jobs.GetAsync(jobId);

    public static ImportJobResult? ReadResult(JobSnapshot job) =>
        job.ResultJson is null ? null : JsonSerializer.Deserialize<ImportJobResult>(job.ResultJson);

    /// <summary>"online_retail_II.xlsx" becomes "online_retail_II".</summary>
    public static string DefaultName(string fileName)
    {
        var name = Path.GetFileName(fileName);
        foreach (var ext in new[] { ".csv.gz", ".gz", ".csv", ".xlsx", ".tsv", ".txt" })
            if (name.EndsWith(ext, StringComparison.OrdinalIgnoreCase)) return name[..^ext.Length];
        return name;
    }
}
