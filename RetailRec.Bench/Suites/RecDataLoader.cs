using System.Globalization;
using System.IO.Compression;
using RetailRec.Engine.Domain;
using RetailRec.Engine.Features;

namespace RetailRec.Bench.Suites;

/// <summary>
/// Loads the real transaction file for the recs suite. TEMPORARY: a minimal CSV reader with ingestion-like flags,
/// used only until RetailRec.Engine.Ingestion.TransactionFileReader is merged into main (then this file goes).
/// </summary>
internal static class RecDataLoader
{
    public static RetailLog Load(string path)
    {
        var records = new List<TransactionRecord>();
        var seen = new HashSet<string>();
        using var stream = File.OpenRead(path);
        using var gz = path.EndsWith(".gz") ? (Stream)new GZipStream(stream, CompressionMode.Decompress) : stream;
        using var reader = new StreamReader(gz);
        reader.ReadLine();
        long n = 0;
        while (reader.ReadLine() is { } line)
        {
            n++;
            var f = Split(line);
            var qty = int.Parse(f[3], CultureInfo.InvariantCulture);
            var price = double.Parse(f[5], CultureInfo.InvariantCulture);
            var customer = f[6].Length == 0 ? null : f[6].Replace(".0", "");
            var flags = LineFlags.None;
            if (f[0].StartsWith('C')) flags |= LineFlags.Cancellation;
            if (qty < 0) flags |= LineFlags.Return;
            if (customer is null) flags |= LineFlags.MissingCustomer;
            if (price <= 0) flags |= LineFlags.NonPositivePrice;
            if (!f[1].Any(char.IsDigit) || f[1] == "C2" || f[1].StartsWith("gift_", StringComparison.OrdinalIgnoreCase)) flags |= LineFlags.NonProduct;
            if (!seen.Add(line)) flags |= LineFlags.Duplicate;
            records.Add(new TransactionRecord(n, f[0], f[1].ToUpperInvariant(), f[2].Trim(), qty,
                DateTime.ParseExact(f[4], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), price, customer, f[7]) { Flags = flags });
        }
        return RetailLogBuilder.Build(records);
    }

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var sb = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else sb.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(ch);
        }
        fields.Add(sb.ToString());
        return fields;
    }
}
