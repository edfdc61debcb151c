namespace RetailRec.Engine.Datasets.Ingestion;

public enum ImportStatus { Imported, AlreadyImported, Rejected }

/// <summary>
/// Result of <see cref="TransactionImporter.ImportAsync"/>. <see cref="Message"/> is user-facing in every case.
/// Imported: <see cref="DatasetId"/> is the new dataset. AlreadyImported: it is the existing dataset with the same
/// content hash (nothing was written). Rejected: no dataset; <see cref="Rejection"/> says why.
/// </summary>
public sealed record ImportOutcome(
    ImportStatus Status,
    int? DatasetId,
    string Message,
    ImportReport? Report = null,
    RejectionKind? Rejection = null,
    ImportTimings? Timings = null);

/// <summary>Where an import's time went (seconds): receiving/hashing the upload, parsing, validating, storing, committing.</summary>
/// <remarks>Parse/validate run on one thread and store on another at the same time, so the parts add up to more than the total.</remarks>
public sealed record ImportTimings(double ReceiveSeconds, double ParseSeconds, double ValidateSeconds, double StoreSeconds,
    double CommitSeconds, double TotalSeconds);
