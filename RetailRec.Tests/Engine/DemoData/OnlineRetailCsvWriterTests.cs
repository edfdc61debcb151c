using System.Globalization;
using System.Text;
using CsvHelper;
using RetailRec.Engine.DemoData;
using RetailRec.Engine.Domain;

namespace RetailRec.Tests.Engine.DemoData;

public class OnlineRetailCsvWriterTests
{
    [Fact]
    public void Writes_the_exact_header_and_quotes_descriptions_with_commas()
    {
        var records = new[]
        {
            new TransactionRecord(1, "489434", "85048", "SET OF 3, \"RED\" TINS", 12, new DateTime(2009, 12, 1, 7, 45, 0), 6.95, "13085", "United Kingdom"),
            new TransactionRecord(2, "C489449", "22087", "PAPER BUNTING", -12, new DateTime(2009, 12, 1, 10, 33, 0), 2.55, null, "EIRE"),
        };
        using var writer = new StringWriter();
        OnlineRetailCsvWriter.Write(writer, records);
        Assert.Equal(
            "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n" +
            "489434,85048,\"SET OF 3, \"\"RED\"\" TINS\",12,2009-12-01 07:45:00,6.95,13085,United Kingdom\n" +
            "C489449,22087,PAPER BUNTING,-12,2009-12-01 10:33:00,2.55,,EIRE\n",
            writer.ToString());
    }

    [Fact]
    public void Generated_csv_reads_back_field_for_field()
    {
        var data = DemoDataGenerator.Generate(new DemoDataOptions { TargetLines = 8_000, Seed = 11 });
        using var writer = new StringWriter();
        OnlineRetailCsvWriter.Write(writer, data.Records);

        using var csv = CsvReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(writer.ToString())));
        var back = new List<TransactionRecord>();
        while (csv.Read())
            back.Add(new TransactionRecord(back.Count + 1, csv.GetString(0)!, csv.GetString(1)!, csv.GetString(2)!,
                int.Parse(csv.GetString(3)!, CultureInfo.InvariantCulture),
                DateTime.ParseExact(csv.GetString(4)!, OnlineRetailCsvWriter.DateFormat, CultureInfo.InvariantCulture),
                double.Parse(csv.GetString(5)!, CultureInfo.InvariantCulture),
                string.IsNullOrEmpty(csv.GetString(6)) ? null : csv.GetString(6), csv.GetString(7)!));

        Assert.Equal(OnlineRetailCsvWriter.Header.Split(','), csv.Headers);
        Assert.Equal(data.Records.Count, back.Count);
        // Flags are the importer's business, so compare everything the file carries.
        Assert.Equal(data.Records.Select(r => r with { Flags = LineFlags.None }), back);
    }
}
