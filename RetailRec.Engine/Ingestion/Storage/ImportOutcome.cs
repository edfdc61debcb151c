namespace RetailRec.Engine.Ingestion;

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

/// <summary>Where an import's time went (seconds): receiving/hashing the upload, parsing, validating, storing.</summary>
public sealed record ImportTimings(double ReceiveSeconds, double ParseSeconds, double ValidateSeconds, double StoreSeconds, double TotalSeconds);
