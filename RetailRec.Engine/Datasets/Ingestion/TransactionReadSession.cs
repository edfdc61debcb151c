using System.Diagnostics;
using RetailRec.Engine.Domain;

namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>One file being read: enumerate <see cref="ReadBatches"/> once, then take <see cref="Report"/>.</summary>
public sealed class TransactionReadSession : IDisposable
{
    private readonly RowSource _source;
    private readonly HashingLimitStream _upload;
    private readonly string _fileName;
    private readonly ColumnMapping? _mapping;
    private readonly IngestionOptions _options;
    private readonly ImportReportBuilder _report;
    private ImportReport? _finished;
    private long _busyTicks;
    private long _validateTicks;

    internal TransactionReadSession(RowSource source, HashingLimitStream upload, string fileName, ColumnMapping? mapping, IngestionOptions options)
    {
        _source = source;
        _upload = upload;
        _fileName = fileName;
        _mapping = mapping;
        _options = options;
        _report = new ImportReportBuilder(options.SamplesPerRule);
    }

    public string Format => _source.Format;

    private readonly List<(long Line, DateTime Date)> _retracted = [];

    /// <summary>
    /// Rows handed out in earlier batches that the reader took back (ambiguous dates in a column that turned out to hold
    /// both date orders; they are counted as not imported in the report). Known once <see cref="ReadBatches"/> has run to
    /// the end; the consumer removes them (line and invoice date identify a row, also across workbook sheets).
    /// </summary>
    public IReadOnlyList<(long Line, DateTime InvoiceDate)> RetractedRows => _retracted;

    /// <summary>The report; available once <see cref="ReadBatches"/> has run to the end.</summary>
    public ImportReport Report => _finished ?? throw new InvalidOperationException("Read all batches before taking the report.");

    public ReadTimings Timings => new(
        Stopwatch.GetElapsedTime(0, _busyTicks - _validateTicks).TotalSeconds,
        Stopwatch.GetElapsedTime(0, _validateTicks).TotalSeconds);

    /// <summary>
    /// Kept rows in file order, in lists of up to <see cref="IngestionOptions.BatchSize"/>. Throws
    /// <see cref="ImportRejectedException"/> when the file turns out unusable (missing columns, no data rows, damaged
    /// or over a limit), and <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    public IEnumerable<IReadOnlyList<TransactionRecord>> ReadBatches(IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var assembler = new RecordAssembler(_options, _source.CommaDecimal, _report);
        var batch = new List<TransactionRecord>(_options.BatchSize);
        long rows = 0;
        var usableTables = 0;
        string? mappingProblem = null;
        var started = Stopwatch.GetTimestamp();

        while (_source.NextTable())
        {
            HeaderRules.ThrowOnRepeatedColumn(_source.Header, _source.TableName);
            var mapping = _mapping ?? HeaderMatcher.Detect(_source.Header);
            var columns = HeaderMatcher.Resolve(mapping, _source.Header, out var missing);
            if (missing.Count > 0)
            {
                mappingProblem ??= MissingColumnsMessage(missing, _source.Header, _source.TableName);
                if (_source.TableName is not null) _report.Note($"sheet '{_source.TableName}' skipped: {mappingProblem}");
                continue;
            }
            usableTables++;
            _report.Sheet = _source.TableName;

            while (_source.ReadRow())
            {
                rows++;
                var line = _source.LineNumber;
                if (_source.RowProblem(_source.Header.Count) is { } problem)
                {
                    _report.Rejected(line, problem);
                    continue;
                }
                assembler.Accept(Raw(line, columns), batch, _source.RowMayNeedTextRepair);
                if (batch.Count >= _options.BatchSize)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report(new ImportProgress(_source.Progress, $"Parsing {rows:N0} lines"));
                    _busyTicks += Stopwatch.GetTimestamp() - started;
                    yield return batch;
                    started = Stopwatch.GetTimestamp();
                    batch = new List<TransactionRecord>(_options.BatchSize);
                }
                else if ((rows & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
            }
            assembler.Finish(batch); // rows waiting for the date order belong to this sheet
            if (assembler.Retracted.Count > _retracted.Count)
            {
                var taken = assembler.Retracted.Skip(_retracted.Count).ToHashSet();
                batch.RemoveAll(r => taken.Contains((r.LineNumber, r.InvoiceDate)));
                _retracted.AddRange(taken);
            }
        }

        if (usableTables == 0)
            throw mappingProblem is not null ? new ImportRejectedException(RejectionKind.MissingColumns, mappingProblem)
                : _source.TableName is not null || _source.Format == "XLSX"
                    ? new ImportRejectedException(RejectionKind.NoDataRows, "The workbook has no sheet with a header row and data.")
                    : SourceOpener.Empty();
        if (_report.LinesRead == 0)
            throw new ImportRejectedException(RejectionKind.NoDataRows, "The file has a header row but no data rows.");

        foreach (var note in _source.Notes) _report.Note(note);
        if (assembler.Dates.DecisionNote is { } dateNote) _report.Note(dateNote);
        if (assembler.Dates.MixedNote is { } mixed)
            _report.Note($"invoice dates: {mixed}; every ambiguous date was reported, not guessed ({_retracted.Count:N0} taken back after the evidence appeared)");
        var hash = _upload.FinishHash();
        _source.VerifyComplete();
        _finished = _report.Build(_fileName, _source.Format, _source.EncodingName, _source.DelimiterName, hash);
        _validateTicks = assembler.ValidateTicks;
        _busyTicks += Stopwatch.GetTimestamp() - started;
        if (batch.Count > 0) yield return batch;
        progress?.Report(new ImportProgress(1, $"Read {rows:N0} lines"));
    }

    private RawLine Raw(long line, int[] c) => new(line,
        _source.Field(c[(int)TransactionField.Invoice]), _source.Field(c[(int)TransactionField.StockCode]),
        _source.Field(c[(int)TransactionField.Description]), _source.Field(c[(int)TransactionField.Quantity]),
        _source.Field(c[(int)TransactionField.InvoiceDate]), _source.Field(c[(int)TransactionField.Price]),
        _source.Field(c[(int)TransactionField.CustomerId]), _source.Field(c[(int)TransactionField.Country]));

    private static string MissingColumnsMessage(IReadOnlyList<TransactionField> missing, IReadOnlyList<string> header, string? sheet) =>
        $"{(sheet is null ? "The file" : $"Sheet '{sheet}'")} has no column for {string.Join(", ", missing)}. " +
        $"Columns found: {string.Join(", ", header.Where(h => h.Length > 0).Take(30))}. Map the columns and import again.";

    public void Dispose()
    {
        _source.Dispose();
        _upload.Dispose();
    }
}
