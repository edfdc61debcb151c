using Microsoft.Data.Sqlite;
using RetailRec.Engine.Domain;

namespace RetailRec.Engine.Ingestion;

/// <summary>
/// Inserts rows into "transactions" with one prepared command whose parameters are reused: the fast path for SQLite
/// (no EF change tracking). Runs inside the caller's transaction, so nothing is visible until it commits.
/// Column names are the EF defaults (property names) of <see cref="Data.TransactionEntity"/>; dates are written as
/// EF writes them ("yyyy-MM-dd HH:mm:ss.FFFFFFF" text, which Microsoft.Data.Sqlite produces for DateTime values).
/// </summary>
internal sealed class TransactionBulkWriter : IDisposable
{
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter _line, _invoice, _stock, _description, _quantity, _date, _price, _customer, _country, _flags;

    public TransactionBulkWriter(SqliteConnection connection, SqliteTransaction transaction, int datasetId)
    {
        _insert = connection.CreateCommand();
        _insert.Transaction = transaction;
        _insert.CommandText =
            "INSERT INTO transactions (DatasetId, LineNumber, Invoice, StockCode, Description, Quantity, InvoiceDate, Price, CustomerId, Country, Flags) " +
            "VALUES ($dataset, $line, $invoice, $stock, $description, $quantity, $date, $price, $customer, $country, $flags)";
        _insert.Parameters.AddWithValue("$dataset", datasetId);
        _line = Add("$line", SqliteType.Integer);
        _invoice = Add("$invoice", SqliteType.Text);
        _stock = Add("$stock", SqliteType.Text);
        _description = Add("$description", SqliteType.Text);
        _quantity = Add("$quantity", SqliteType.Integer);
        _date = Add("$date", SqliteType.Text);
        _price = Add("$price", SqliteType.Real);
        _customer = Add("$customer", SqliteType.Text);
        _country = Add("$country", SqliteType.Text);
        _flags = Add("$flags", SqliteType.Integer);
        _insert.Prepare();
    }

    public long RowsWritten { get; private set; }

    public void Write(IReadOnlyList<TransactionRecord> batch, CancellationToken cancellationToken)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            if ((i & 4095) == 0) cancellationToken.ThrowIfCancellationRequested();
            var r = batch[i];
            _line.Value = r.LineNumber;
            _invoice.Value = r.Invoice;
            _stock.Value = r.StockCode;
            _description.Value = r.Description;
            _quantity.Value = r.Quantity;
            _date.Value = r.InvoiceDate;
            _price.Value = r.Price;
            _customer.Value = (object?)r.CustomerId ?? DBNull.Value;
            _country.Value = r.Country;
            _flags.Value = (int)r.Flags;
            _insert.ExecuteNonQuery();
        }
        RowsWritten += batch.Count;
    }

    private SqliteParameter Add(string name, SqliteType type)
    {
        var p = _insert.CreateParameter();
        p.ParameterName = name;
        p.SqliteType = type;
        _insert.Parameters.Add(p);
        return p;
    }

    public void Dispose() => _insert.Dispose();
}
