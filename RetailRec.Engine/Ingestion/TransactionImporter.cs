using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RetailRec.Engine.Data;
using RetailRec.Engine.Domain;

namespace RetailRec.Engine.Ingestion;

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
        long storeTicks = 0;
        using var writer = new TransactionBulkWriter(connection, transaction, dataset.Id);
        using var session = new TransactionFileReader(_options).Open(spool.Content, fileName, mapping);
        var parsing = new Progress(progress, 0.02, 0.95);
        foreach (var batch in session.ReadBatches(parsing, cancellationToken))
        {
            var t0 = Stopwatch.GetTimestamp();
            summary.Add(batch);
            writer.Write(batch, cancellationToken);
            storeTicks += Stopwatch.GetTimestamp() - t0;
            progress?.Report(new ImportProgress(parsing.Last, $"Stored {writer.RowsWritten:N0} rows"));
        }

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
        transaction.Commit();

        var read = session.Timings;
        var timings = new ImportTimings(receiveSeconds, read.ParseSeconds, read.ValidateSeconds,
            Stopwatch.GetElapsedTime(0, storeTicks).TotalSeconds, Stopwatch.GetElapsedTime(started).TotalSeconds);
        progress?.Report(new ImportProgress(1, $"Imported {report.RowsImported:N0} rows"));
        var message = $"Imported {report.RowsImported:N0} of {report.LinesRead:N0} lines into dataset '{datasetName}'" +
                      (report.RowsRejected > 0 ? $"; {report.RowsRejected:N0} unreadable lines were skipped (see the report)." : ".");
        return new ImportOutcome(ImportStatus.Imported, dataset.Id, message, report, Timings: timings);
    }

    private static ImportOutcome AlreadyImported(DatasetEntity existing) => new(ImportStatus.AlreadyImported, existing.Id,
        $"This file was already imported as dataset '{existing.Name}' (#{existing.Id}) on {existing.ImportedAtUtc:yyyy-MM-dd HH:mm} UTC; it was not imported again.");

    /// <summary>Maps the reader's 0..1 onto a slice of the overall progress and remembers the latest value.</summary>
    private sealed class Progress(IProgress<ImportProgress>? target, double start, double end) : IProgress<ImportProgress>
    {
        private double? _last;

        public double Last => _last ?? start;

        public void Report(ImportProgress value)
        {
            _last = start + (end - start) * value.Fraction;
            target?.Report(value with { Fraction = Last });
        }
    }
}
