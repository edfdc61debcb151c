using RetailRec.Engine.Datasets.Ingestion;
using RetailRec.Engine.Jobs;

namespace RetailRec.Engine.Datasets;

/// <summary>The Datasets feature's job kinds.</summary>
public static class DatasetJobs
{
    /// <summary>Imports run on the short lane: a new upload never waits behind a long training.</summary>
    public static readonly JobKind<ImportJobParameters> Import = new("import", "Import", JobLane.Short);
}

/// <summary>
/// Work another feature queues after an import created a new dataset (the marketing run, the recommendation training),
/// so a fresh dataset's pages are populated without a click. Called in registration order.
/// </summary>
public interface IImportFollowUp
{
    Task QueueAsync(int datasetId, CancellationToken ct);
}
