using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RetailRec.Engine.Storage;
using RetailRec.Engine.Domain;

namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>
/// Imports a transaction file into SQLite as one dataset. Atomic: the dataset row and every transaction row are
/// written in one SQLite transaction that commits only after the whole file was read, so a rejection, an error or a
/// cancellation half-way leaves neither a dataset nor rows. An upload whose sha256 matches an imported dataset is not
/// imported again (the existing dataset id is returned).
/// </summary>
public sealed class TransactionImporter(
    IDbContextFactory<RetailRecDbContext> dbFactory,
    IOptions<IngestionOptions>? options = null,
    TimeProvider? time = null)
{
    private readonly IngestionOptions _options = options?.Value ?? new IngestionOptions();
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The dataset already imported from a file with this sha256 (hex), if any.</summary>
    public async Task<DatasetEntity?> FindByHashAsync(string contentHash, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Datasets.AsNoTracking().Where(d => d.ContentHash == contentHash).OrderBy(d => d.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Reads, validates and stores the file. Returns Imported, AlreadyImported or Rejected (never throws for a bad
    /// file); throws <see cref="OperationCanceledException"/> when cancelled, after rolling back.
    /// </summary>
    public async Task<ImportOutcome> ImportAsync(Stream stream, string fileName, string datasetName, ColumnMapping? mapping = null,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            progress?.Report(new ImportProgress(0, "Receiving file"));
            await using var spool = await UploadSpool.CreateAsync(stream, _options.MaxUploadBytes, cancellationToken);
            var receiveSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

            if (await FindByHashAsync(spool.ContentHash, cancellationToken) is { } existing) return AlreadyImported(existing);

            // SQLite work is synchronous and CPU-bound; keep it off the caller's (UI) thread.
            return await Task.Run(() => Store(spool, fileName, datasetName, mapping, progress, started, receiveSeconds, cancellationToken),
                cancellationToken);
        }
        catch (ImportRejectedException e)
        {
            return new ImportOutcome(ImportStatus.Rejected, null, e.Message, Rejection: e.Kind);
        }
    }

    private ImportOutcome Store(UploadSpool spool, string fileName, string datasetName, ColumnMapping? mapping,
        IProgress<ImportProgress>? progress, long started, double receiveSeconds, CancellationToken cancellationToken)
    {
        using var db = dbFactory.CreateDbContext();
        db.Database.OpenConnection();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        SqliteBulkSettings.Apply(connection);

        using var transaction = connection.BeginTransaction();
        db.Database.UseTransaction(transaction);
        var dataset = new DatasetEntity
        {
            Name = datasetName,
            SourceFileName = fileName,
            ContentHash = spool.ContentHash,
            ImportedAtUtc = _time.GetUtcNow().UtcDateTime,
        };
        db.Datasets.Add(dataset);
        db.SaveChanges();

        var summary = new DatasetSummaryBuilder();
        using var writer = new TransactionBulkWriter(connection, dataset.Id);
        using var session = new TransactionFileReader(_options).Open(spool.Content, fileName, mapping);
        var storeTicks = StoreConcurrently(session, summary, writer, progress, cancellationToken);
        if (session.RetractedRows.Count > 0) summary = RetractedRowRemover.Remove(connection, transaction, dataset.Id, session.RetractedRows);

        progress?.Report(new ImportProgress(0.96, "Saving dataset summary"));
        var report = session.Report;
        dataset.LinesRead = report.LinesRead;
        dataset.RowsImported = report.RowsImported;
        dataset.ReportJson = JsonSerializer.Serialize(report);
        summary.ApplyTo(dataset);
        db.SaveChanges();

        // Another import of the same file may have committed while this one ran: the first one wins.
        if (db.Datasets.Any(d => d.ContentHash == spool.ContentHash && d.Id != dataset.Id))
        {
            transaction.Rollback();
            var winner = db.Datasets.AsNoTracking().First(d => d.ContentHash == spool.ContentHash && d.Id != dataset.Id);
            return AlreadyImported(winner);
        }
        cancellationToken.ThrowIfCancellationRequested();
        var commitStart = Stopwatch.GetTimestamp();
        transaction.Commit();
        var commitSeconds = Stopwatch.GetElapsedTime(commitStart).TotalSeconds;

        var read = session.Timings;
        var timings = new ImportTimings(receiveSeconds, read.ParseSeconds, read.ValidateSeconds,
            Stopwatch.GetElapsedTime(0, storeTicks).TotalSeconds, commitSeconds, Stopwatch.GetElapsedTime(started).TotalSeconds);
        progress?.Report(new ImportProgress(1, $"Imported {report.RowsImported:N0} rows"));
        var message = $"Imported {report.RowsImported:N0} of {report.LinesRead:N0} lines into dataset '{datasetName}'" +
                      (report.RowsRejected > 0 ? $"; {report.RowsRejected:N0} unreadable lines were skipped (see the report)." : ".");
        return new ImportOutcome(ImportStatus.Imported, dataset.Id, message, report, Timings: timings);
    }

    private static ImportOutcome AlreadyImported(DatasetEntity existing) => new(ImportStatus.AlreadyImported, existing.Id,
        $"This file was already imported as dataset '{existing.Name}' (#{existing.Id}) on {existing.ImportedAtUtc:yyyy-MM-dd HH:mm} UTC; it was not imported again.");

    /// <summary>
    /// Parses on a worker thread while this thread stores the previous batches (a small bounded queue between them),
    /// so parsing and SQLite work overlap on two cores. Only this thread reports progress, so it never goes back.
    /// Returns the stopwatch ticks spent storing.
    /// </summary>
    private static long StoreConcurrently(TransactionReadSession session, DatasetSummaryBuilder summary, TransactionBulkWriter writer,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var queue = new BlockingCollection<IReadOnlyList<TransactionRecord>>(boundedCapacity: 2);
        var parsed = new ParseProgress();
        var producer = Task.Run(() =>
        {
            try
            {
                foreach (var batch in session.ReadBatches(parsed, stop.Token)) queue.Add(batch, stop.Token);
            }
            finally { queue.CompleteAdding(); }
        });

        long storeTicks = 0;
        Exception? failure = null;
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable(stop.Token))
            {
                var t0 = Stopwatch.GetTimestamp();
                summary.Add(batch);
                writer.Write(batch, cancellationToken);
                storeTicks += Stopwatch.GetTimestamp() - t0;
                progress?.Report(new ImportProgress(0.02 + 0.93 * parsed.Fraction, $"{parsed.Step}, stored {writer.RowsWritten:N0} rows"));
            }
        }
        catch (Exception e)
        {
            failure = e;
            stop.Cancel();
        }
        try { producer.GetAwaiter().GetResult(); } // a rejection found by the reader surfaces here
        catch (Exception) when (failure is not null) { } // the reader only stopped because storing failed
        if (failure is not null) ExceptionDispatchInfo.Throw(failure);
        return storeTicks;
    }

    /// <summary>The reader's latest progress, handed from the parsing thread to the storing thread.</summary>
    private sealed class ParseProgress : IProgress<ImportProgress>
    {
        private volatile StrongBox<ImportProgress> _last = new(new ImportProgress(0, "Parsing"));

        public double Fraction => _last.Value.Fraction;
        public string Step => _last.Value.Step;

        public void Report(ImportProgress value) => _last = new StrongBox<ImportProgress>(value);
    }
}
