using CsvHelper;

namespace RetailRec.Engine.Export;

/// <summary>A header and string rows: what an export looks like when read back (round-trip tests, re-imports).</summary>
public sealed record CsvTable(IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows)
{
    public int Column(string name) => Header.ToList().IndexOf(name) is var i and >= 0 ? i
        : throw new KeyNotFoundException($"no column '{name}'");

    public IEnumerable<string> Values(string name)
    {
        var c = Column(name);
        return Rows.Select(r => r[c]);
    }
}

public static class CsvTableReader
{
    public static CsvTable Read(TextReader text)
    {
        using var csv = CsvReader.Create(text, new CsvReaderOptions { Separator = ',', TrimWhitespace = false }, leaveOpen: true);
        csv.ReadHeader();
        var header = csv.Headers.ToArray();
        var rows = new List<string[]>();
        while (csv.Read())
        {
            var row = new string[csv.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = csv.GetString(i);
            rows.Add(row);
        }
        return new CsvTable(header, rows);
    }

    public static CsvTable Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader);
    }
}
