using System.Globalization;
using Microsoft.Data.Sqlite;
using RetailRec.Engine.Domain;

namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>
/// Removes, inside the import's transaction, rows the reader took back after they were stored (ambiguous dates in a
/// column that turned out to hold both date orders), and rebuilds the dataset summary from what remains. Only files
/// with such a column take this path, so re-reading the stored rows once is fine.
/// </summary>
internal static class RetractedRowRemover
{
    public static DatasetSummaryBuilder Remove(SqliteConnection connection, SqliteTransaction transaction, int datasetId,
        IReadOnlyList<(long Line, DateTime InvoiceDate)> rows)
    {
        using (var delete = connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM transactions WHERE DatasetId = $d AND LineNumber = $l AND InvoiceDate = $t";
            delete.Parameters.AddWithValue("$d", datasetId);
            var line = delete.Parameters.Add("$l", SqliteType.Integer);
            var date = delete.Parameters.Add("$t", SqliteType.Text);
            foreach (var row in rows)
            {
                line.Value = row.Line;
                // The same text TransactionBulkWriter stores.
                date.Value = row.InvoiceDate.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
                delete.ExecuteNonQuery();
            }
        }

        var summary = new DatasetSummaryBuilder();
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT LineNumber, Invoice, StockCode, Quantity, InvoiceDate, Price, CustomerId, Country, Flags " +
                           "FROM transactions WHERE DatasetId = $d";
        read.Parameters.AddWithValue("$d", datasetId);
        using var reader = read.ExecuteReader();
        while (reader.Read())
            summary.Add(new TransactionRecord(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), "", reader.GetInt32(3),
                DateTime.Parse(reader.GetString(4), CultureInfo.InvariantCulture), reader.GetDouble(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7)) { Flags = (LineFlags)reader.GetInt64(8) });
        return summary;
    }
}
