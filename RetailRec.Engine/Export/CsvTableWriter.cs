using System.Globalization;
using CsvHelper;

namespace RetailRec.Engine.Export;

/// <summary>
/// The CSV writer every export uses (RFC 4180, comma, UTF-8, CRLF, invariant numbers). Formula-injection defence:
/// any TEXT cell that starts with = + - @ (or their full-width forms ＝ ＋ － ＠), a tab or a carriage return is prefixed with a single quote (and quoted),
/// so Excel/LibreOffice show it as text instead of running it. CsvHelper's injection escape does the work; the
/// export tests pin the behaviour.
/// </summary>
public static class CsvTableWriter
{
    public static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape,
        InjectionCharacters = "=+-@\t\r",
        InjectionEscape = '\'',
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static void Write<T>(TextWriter writer, IEnumerable<T> rows, IReadOnlyList<CsvColumn<T>> columns)
    {
        using var csv = CsvWriter.Create(writer, Options, leaveOpen: true);
        csv.WriteHeader(columns.Select(c => c.Name).ToArray());
        foreach (var row in rows)
        {
            foreach (var column in columns) WriteCell(csv, column.Value(row));
            csv.EndRecord();
        }
        csv.Flush();
    }

    public static void Write<T>(string path, IEnumerable<T> rows, IReadOnlyList<CsvColumn<T>> columns)
    {
        // Write to a temporary file and move it into place, so a reader never sees half an export.
        var tmp = path + ".tmp";
        using (var writer = new StreamWriter(tmp, false, new System.Text.UTF8Encoding(false)))
            Write(writer, rows, columns);
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>
    /// Full-width ＝ ＋ － ＠ start a formula too in spreadsheet apps with CJK input. CsvHelper's escape takes ASCII
    /// characters only, so these get the same leading quote here.
    /// </summary>
    private static string NeutraliseFullWidth(string s) => s.Length > 0 && s[0] is '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20' ? "'" + s : s;

    private static void WriteCell(CsvWriter csv, object? value)
    {
        switch (value)
        {
            case null: csv.WriteField((string?)null); break;
            case string s: csv.WriteField(NeutraliseFullWidth(s)); break;
            case int i: csv.WriteField(i, default); break;
            case long l: csv.WriteField(l, default); break;
            case double d: csv.WriteField(d, "R"); break;
            case float f: csv.WriteField(f, "R"); break;
            case bool b: csv.WriteField(b); break;
            case DateTime t: csv.WriteField(t, t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss"); break;
            case Enum e: csv.WriteField(e.ToString()); break;
            default: csv.WriteField(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }
}
