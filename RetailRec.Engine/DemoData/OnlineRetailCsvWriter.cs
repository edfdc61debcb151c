using System.Globalization;
using System.Text;
using CsvHelper;
using RetailRec.Engine.Domain;

namespace RetailRec.Engine.DemoData;

/// <summary>
/// Writes transaction records as an Online Retail II CSV: the exact header, dates as yyyy-MM-dd HH:mm:ss,
/// invariant numbers, empty Customer ID for guests, and RFC 4180 quoting by CsvHelper (descriptions hold commas).
/// </summary>
public static class OnlineRetailCsvWriter
{
    public const string Header = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country";
    public const string DateFormat = "yyyy-MM-dd HH:mm:ss";

    // LF line ends like the real file; CsvHelper quotes fields holding a comma, quote or line break (RFC 4180).
    private static readonly CsvWriterOptions Options = new() { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture };

    public static void Write(TextWriter writer, IEnumerable<TransactionRecord> records)
    {
        using var csv = CsvWriter.Create(writer, Options, leaveOpen: true);
        csv.WriteHeader(Header.Split(','));
        foreach (var r in records)
        {
            csv.WriteField(r.Invoice);
            csv.WriteField(r.StockCode);
            csv.WriteField(r.Description);
            csv.WriteField(r.Quantity.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(r.InvoiceDate.ToString(DateFormat, CultureInfo.InvariantCulture));
            csv.WriteField(r.Price.ToString("0.00##", CultureInfo.InvariantCulture));
            csv.WriteField(r.CustomerId ?? "");
            csv.WriteField(r.Country);
            csv.EndRecord();
        }
    }

    /// <summary>Writes a UTF-8 file (no byte-order mark), replacing any file at <paramref name="path"/>.</summary>
    public static void WriteFile(string path, IEnumerable<TransactionRecord> records)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        Write(writer, records);
    }
}
