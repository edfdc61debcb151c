using RetailRec.Engine.Jobs;
using RetailRec.Engine.Datasets.Ingestion;

namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>
/// Runs an import as a job. A rejected file fails the job with the importer's user-facing message; the saved upload
/// is deleted once the job has a final answer (success or rejection), and kept after a crash so a re-run works.
/// </summary>
public sealed class ImportJobHandler(TransactionImporter importer, DatasetService datasets, IEnumerable<IImportFollowUp> followUps)
    : JobHandler<ImportJobParameters>, IJobKindHandler
{
    public static JobKind Kind => DatasetJobs.Import;

    protected override async Task<object?> ExecuteAsync(ImportJobParameters p, JobContext context, CancellationToken ct)
    {
        if (!File.Exists(p.UploadPath))
            throw new FileNotFoundException($"The uploaded file \"{p.FileName}\" is no longer on the server; please upload it again.");

        context.Log($"Importing {p.FileName} as \"{p.DatasetName}\"");
        var progress = new SyncProgress<ImportProgress>(x => context.Report(x.Fraction * 100, x.Step));
        ImportOutcome outcome;
        await using (var file = new FileStream(p.UploadPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            outcome = await importer.ImportAsync(file, p.FileName, p.DatasetName, p.Mapping, progress, ct);
        }
        context.Log(outcome.Message);
        if (outcome.Timings is { } t)
            context.Log($"parse {t.ParseSeconds:0.00} s, validate {t.ValidateSeconds:0.00} s, store {t.StoreSeconds:0.00} s, total {t.TotalSeconds:0.00} s");

        if (outcome.Status == ImportStatus.Rejected)
        {
            File.Delete(p.UploadPath);
            throw new ImportRejectedException(outcome.Rejection ?? RejectionKind.CorruptFile, outcome.Message);
        }
        File.Delete(p.UploadPath);
        if (p.IsDemo && outcome.DatasetId is int demoId) await datasets.MarkDemoAsync(demoId, ct);
        if (p.MakeActive && outcome.DatasetId is int id) await datasets.SetActiveAsync(id, ct);
        else datasets.NotifyChanged();
        // A fresh dataset gets its analyses queued at once, so its pages are populated without a click.
        if (outcome.Status == ImportStatus.Imported)
            foreach (var followUp in followUps) await followUp.QueueAsync(outcome.DatasetId!.Value, ct);

        return new ImportJobResult(outcome.DatasetId!.Value, outcome.Status == ImportStatus.AlreadyImported, outcome.Message, outcome.Report);
    }
}

