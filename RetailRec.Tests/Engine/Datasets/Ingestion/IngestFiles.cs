using System.IO.Compression;
using System.Text;
using RetailRec.Engine.Datasets.Ingestion;

namespace RetailRec.Tests.Engine.Datasets.Ingestion;

/// <summary>Builds small in-memory upload files for the ingestion tests.</summary>
internal static class IngestFiles
{
    public const string HeaderII = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country";
    public const string HeaderI = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

    public static MemoryStream Text(string content, Encoding? encoding = null, bool bom = false)
    {
        encoding ??= new UTF8Encoding(false);
        var bytes = encoding.GetBytes(content);
        var preamble = bom ? encoding.GetPreamble() : [];
        return new MemoryStream([.. preamble, .. bytes]);
    }

    public static MemoryStream Lines(params string[] lines) => Text(string.Join("\n", lines) + "\n");

    public static MemoryStream Gzip(byte[] content)
    {
        var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(content);
        output.Position = 0;
        return output;
    }

    public static TransactionReadResult Read(Stream stream, string name = "t.csv", ColumnMapping? mapping = null, IngestionOptions? options = null) =>
        TransactionFileReader.ReadAll(stream, name, mapping, options);
}
