using System.Buffers;
using System.Text;

namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>
/// The text rules for a field (README "Text"): control characters (NUL included; tab and line breaks are text) and
/// invisible characters (zero-width space/joiners, word joiner, a BOM inside the text) are removed; an invalid UTF-8
/// sequence, which the reader decodes as U+FFFD, is kept as U+FFFD. Each repair is a warning the caller reports with
/// the line and column. One vectorised scan per field finds the rare field that needs any of this.
/// </summary>
internal static class TextRepair
{
    private const char Replacement = '\uFFFD';

    private static readonly SearchValues<char> Suspicious = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F" +
        "\u200B\u200C\u200D\u2060\uFEFF\uFFFD");

    public static bool NeedsRepair(string value) => value.AsSpan().ContainsAny(Suspicious);

    /// <summary>The value without control and invisible characters; what was found, for the warnings.</summary>
    public static string Repair(string value, out bool hadControl, out bool hadInvisible, out bool hadInvalidUtf8)
    {
        hadControl = hadInvisible = hadInvalidUtf8 = false;
        var kept = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c == Replacement) { hadInvalidUtf8 = true; kept.Append(c); }
            else if (c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF') hadInvisible = true;
            else if ((c < ' ' && c is not ('\t' or '\n' or '\r')) || c == '\u007F') hadControl = true;
            else kept.Append(c);
        }
        return kept.ToString();
    }

    /// <summary>How a character is named in a message: U+0000.</summary>
    public static string Codes(string value) => string.Join(", ", value.Where(c => Suspicious.Contains(c) && c != Replacement)
        .Distinct().Take(5).Select(c => $"U+{(int)c:X4}"));
}
