using RetailRec.Engine.Domain;

namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>
/// Reads a transaction file (.csv, .csv.gz, .xlsx; recognised by content) into flagged <see cref="TransactionRecord"/>s
/// and an <see cref="ImportReport"/>, without a database. Streams in batches, so memory stays bounded by the batch
/// size plus the duplicate-detection set. Reading is synchronous CPU work: call it from a worker thread.
/// </summary>
public sealed class TransactionFileReader(IngestionOptions? options = null)
{
    private readonly IngestionOptions _options = options ?? new IngestionOptions();

    /// <summary>
    /// Detects the format, encoding, delimiter and header. Throws <see cref="ImportRejectedException"/> for an empty,
    /// binary, oversized or otherwise unreadable file. The stream is not disposed by the session.
    /// </summary>
    public TransactionReadSession Open(Stream stream, string fileName, ColumnMapping? mapping = null)
    {
        var source = SourceOpener.Open(stream, fileName, _options, out var upload);
        return new TransactionReadSession(source, upload, fileName, mapping, _options);
    }

    /// <summary>Reads a whole file into memory (benchmarks, tests, small files).</summary>
    public static TransactionReadResult ReadAll(string path, ColumnMapping? mapping = null, IngestionOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return ReadAll(file, Path.GetFileName(path), mapping, options, cancellationToken);
    }

    public static TransactionReadResult ReadAll(Stream stream, string fileName, ColumnMapping? mapping = null,
        IngestionOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var session = new TransactionFileReader(options).Open(stream, fileName, mapping);
        var records = new List<TransactionRecord>();
        foreach (var batch in session.ReadBatches(null, cancellationToken)) records.AddRange(batch);
        if (session.RetractedRows.Count > 0)
        {
            var taken = session.RetractedRows.ToHashSet();
            records.RemoveAll(r => taken.Contains((r.LineNumber, r.InvoiceDate)));
        }
        return new TransactionReadResult(records, session.Report, session.Timings);
    }
}

/// <summary>Everything read from a file: the kept records (flagged), the report and where the time went.</summary>
public sealed record TransactionReadResult(IReadOnlyList<TransactionRecord> Records, ImportReport Report, ReadTimings Timings);

/// <summary>Seconds spent reading text into rows and converting fields (parse) and on the validation rules (validate).</summary>
public sealed record ReadTimings(double ParseSeconds, double ValidateSeconds);
