namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>Why a whole file was refused (as opposed to single rows, which are counted in the report).</summary>
public enum RejectionKind
{
    EmptyFile,
    NoDataRows,
    MissingColumns,
    BinaryFile,
    TooLarge,
    DecompressionLimit,
    CorruptFile,
    UnsupportedFormat,
    RepeatedColumn,
}

/// <summary>
/// A file the importer refuses as a whole. <see cref="Exception.Message"/> is written for the end user
/// (it names the problem and what to do), so the UI can show it as is.
/// </summary>
public sealed class ImportRejectedException(RejectionKind kind, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public RejectionKind Kind { get; } = kind;
}
