using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>Container format recognised from the first bytes (the extension is only a hint).</summary>
public enum ContainerKind { Text, Gzip, Zip, LegacyExcel }

/// <summary>How the text of a CSV file is encoded, as detected: <paramref name="BomLength"/> bytes to skip.</summary>
internal sealed record TextEncodingInfo(Encoding? Encoding, string Name, int BomLength)
{
    /// <summary>Null <see cref="Encoding"/> means UTF-8, which CsvHelper reads without transcoding.</summary>
    public Encoding Effective => Encoding ?? System.Text.Encoding.UTF8;
}

/// <summary>
/// Looks at the first bytes of an upload: gzip (1F 8B), zip/xlsx (PK 03 04), legacy .xls (D0 CF 11 E0), else text.
/// For text it picks the encoding: a BOM (UTF-8, UTF-16 LE/BE) wins; UTF-16 without BOM is recognised by its zero
/// bytes; otherwise UTF-8 if the sniffed bytes are valid UTF-8, else Windows-1252 (the Latin-1 superset Excel writes
/// on Windows: £ and é have the same bytes as in ISO-8859-1). Bytes that no text file contains (NUL, many control
/// characters) mark a binary file.
/// </summary>
internal static class FileSniffer
{
    static FileSniffer() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static ContainerKind Container(ReadOnlySpan<byte> head)
    {
        if (head is [0x1F, 0x8B, ..]) return ContainerKind.Gzip;
        if (head is [(byte)'P', (byte)'K', 3, 4, ..] or [(byte)'P', (byte)'K', 5, 6, ..]) return ContainerKind.Zip;
        if (head is [0xD0, 0xCF, 0x11, 0xE0, ..]) return ContainerKind.LegacyExcel;
        return ContainerKind.Text;
    }

    /// <param name="head">The first bytes of the text.</param>
    /// <param name="complete">True when <paramref name="head"/> is the whole file (a cut multi-byte char is then invalid).</param>
    public static TextEncodingInfo DetectEncoding(ReadOnlySpan<byte> head, bool complete)
    {
        if (head is [0xEF, 0xBB, 0xBF, ..]) return new(null, "UTF-8 (BOM)", 3);
        if (head is [0xFF, 0xFE, ..]) return Checked(new(Encoding.Unicode, "UTF-16 LE (BOM)", 2), head[2..]);
        if (head is [0xFE, 0xFF, ..]) return Checked(new(Encoding.BigEndianUnicode, "UTF-16 BE (BOM)", 2), head[2..]);

        var (evenZeros, oddZeros) = ZeroBytes(head[..Math.Min(head.Length, 4096)]);
        var pairs = Math.Max(1, Math.Min(head.Length, 4096) / 2);
        if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return Checked(new(Encoding.Unicode, "UTF-16 LE", 0), head);
        if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return Checked(new(Encoding.BigEndianUnicode, "UTF-16 BE", 0), head);

        if (LooksBinary(head)) throw Binary();
        return LooksUtf8(head, complete)
            ? new(null, "UTF-8", 0)
            : new(Encoding.GetEncoding(1252), "Windows-1252 (Latin-1)", 0);
    }

    public static ImportRejectedException Binary() => new(RejectionKind.BinaryFile,
        "This is not a text file: it contains binary data. Upload the transactions as CSV (optionally .csv.gz) or .xlsx.");

    private static TextEncodingInfo Checked(TextEncodingInfo info, ReadOnlySpan<byte> body)
    {
        var even = body.Length & ~1;
        var text = info.Encoding!.GetString(body[..even]);
        if (text.Contains('\0') || ControlShare(text) > 0.01) throw Binary();
        return info;
    }

    private static (int Even, int Odd) ZeroBytes(ReadOnlySpan<byte> s)
    {
        int even = 0, odd = 0;
        for (var i = 0; i < s.Length; i++)
            if (s[i] == 0) { if ((i & 1) == 0) even++; else odd++; }
        return (even, odd);
    }

    /// <summary>
    /// Many control bytes (NUL included) mean binary data. A few NULs or control characters inside an otherwise text
    /// file do not: those lines get a warning and the characters are removed (TextRepair).
    /// </summary>
    private static bool LooksBinary(ReadOnlySpan<byte> s)
    {
        var control = 0;
        foreach (var b in s) if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C)) control++;
        return control >= 4 && control > s.Length * 0.01;
    }

    private static double ControlShare(string s)
    {
        if (s.Length == 0) return 0;
        var control = 0;
        foreach (var c in s) if (c < 0x20 && c is not ('\t' or '\n' or '\r' or '\f')) control++;
        return (double)control / s.Length;
    }

    /// <summary>
    /// UTF-8 when the bytes are valid UTF-8, and also when valid multi-byte sequences are at least as many as invalid
    /// ones: that is a UTF-8 file with a few damaged bytes, which are kept as U+FFFD and reported by line. Re-reading
    /// such a file as Windows-1252 would turn every correct "é" into "Ã©". Invalid bytes without valid multi-byte
    /// sequences are what a Latin-1 / Windows-1252 file looks like.
    /// </summary>
    private static bool LooksUtf8(ReadOnlySpan<byte> s, bool complete)
    {
        int multiByte = 0, invalid = 0;
        while (!s.IsEmpty)
        {
            var ascii = s.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (ascii < 0) break;
            s = s[ascii..];
            var status = Rune.DecodeFromUtf8(s, out _, out var consumed);
            if (status == OperationStatus.Done) multiByte++;
            else if (status != OperationStatus.NeedMoreData || complete) invalid++;
            s = s[Math.Max(1, consumed)..];
        }
        return invalid == 0 || multiByte >= invalid;
    }
}
