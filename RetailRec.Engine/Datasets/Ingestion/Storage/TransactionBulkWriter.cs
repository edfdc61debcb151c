using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using RetailRec.Engine.Domain;
using SQLitePCL;

namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>
/// Inserts rows into "transactions" with prepared statements (32 rows per INSERT, plus a one-row one for the rest of a
/// batch) whose parameters are rebound for every row, inside the caller's
/// Microsoft.Data.Sqlite transaction (nothing is visible until it commits).
/// <para>
/// The statements are prepared on the SqliteConnection's own handle through SQLitePCLRaw (the layer Microsoft.Data.Sqlite
/// is built on) and bound by index from UTF-8 spans: in a 541,909-row insert test a prepared SqliteCommand with reused
/// parameters (bound by name, values boxed, text converted per execute) took about twice as long as this.
/// </para>
/// Column names are the EF defaults (property names) of <see cref="Data.TransactionEntity"/>. Dates are stored as EF
/// stores them: text "yyyy-MM-dd HH:mm:ss.FFFFFFF".
/// </summary>
internal sealed class TransactionBulkWriter : IDisposable
{
    /// <summary>Rows per multi-row INSERT: amortises SQLite's per-statement work (measured ~25% less CPU than one row each).</summary>
    private const int RowsPerStatement = 32;
    private const int ParametersPerRow = 10; // ?1 (DatasetId) is shared by all rows of a statement

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _many;
    private readonly sqlite3_stmt _one;
    private byte[] _utf8 = new byte[4096];

    public TransactionBulkWriter(SqliteConnection connection, int datasetId)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection must be open.");
        _many = Prepare(RowsPerStatement, datasetId);
        _one = Prepare(1, datasetId);
    }

    public long RowsWritten { get; private set; }

    public void Write(IReadOnlyList<TransactionRecord> batch, CancellationToken cancellationToken)
    {
        var i = 0;
        for (; i + RowsPerStatement <= batch.Count; i += RowsPerStatement)
        {
            if ((i & 4095) == 0) cancellationToken.ThrowIfCancellationRequested();
            for (var k = 0; k < RowsPerStatement; k++) Bind(_many, 1 + k * ParametersPerRow, batch[i + k]);
            Step(_many);
        }
        for (; i < batch.Count; i++)
        {
            Bind(_one, 1, batch[i]);
            Step(_one);
        }
        RowsWritten += batch.Count;
    }

    /// <summary>Binds one row's ten values to parameters first+1 .. first+10.</summary>
    private void Bind(sqlite3_stmt statement, int first, TransactionRecord r)
    {
        raw.sqlite3_bind_int64(statement, first + 1, r.LineNumber);
        Text(statement, first + 2, r.Invoice);
        Text(statement, first + 3, r.StockCode);
        Text(statement, first + 4, r.Description);
        raw.sqlite3_bind_int64(statement, first + 5, r.Quantity);
        r.InvoiceDate.TryFormat(_utf8, out var dateLength, "yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        raw.sqlite3_bind_text(statement, first + 6, _utf8.AsSpan(0, dateLength));
        raw.sqlite3_bind_double(statement, first + 7, r.Price);
        if (r.CustomerId is null) raw.sqlite3_bind_null(statement, first + 8);
        else Text(statement, first + 8, r.CustomerId);
        Text(statement, first + 9, r.Country);
        raw.sqlite3_bind_int64(statement, first + 10, (long)r.Flags);
    }

    private void Text(sqlite3_stmt statement, int index, string value)
    {
        if (_utf8.Length < value.Length * 3) _utf8 = new byte[value.Length * 3];
        var n = Encoding.UTF8.GetBytes(value, _utf8);
        raw.sqlite3_bind_text(statement, index, _utf8.AsSpan(0, n)); // SQLite copies the bytes (transient binding)
    }

    private void Step(sqlite3_stmt statement)
    {
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE) Check(rc);
    }

    private sqlite3_stmt Prepare(int rows, int datasetId)
    {
        var sql = new StringBuilder("INSERT INTO transactions (DatasetId, LineNumber, Invoice, StockCode, Description, Quantity, ")
            .Append("InvoiceDate, Price, CustomerId, Country, Flags) VALUES ");
        for (var k = 0; k < rows; k++)
        {
            sql.Append(k == 0 ? "(?1" : ", (?1");
            for (var j = 1; j <= ParametersPerRow; j++) sql.Append(", ?").Append(1 + k * ParametersPerRow + j);
            sql.Append(')');
        }
        Check(raw.sqlite3_prepare_v2(_db, sql.ToString(), out var statement));
        Check(raw.sqlite3_bind_int64(statement, 1, datasetId));
        return statement;
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_DONE)
            throw new SqliteException($"SQLite error {rc} while storing transactions: {raw.sqlite3_errmsg(_db).utf8_to_string()}", rc);
    }

    public void Dispose()
    {
        _many.Dispose();
        _one.Dispose();
    }
}
