using System.Globalization;

namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>Culture-explicit parsing of the numeric and id fields (never the machine's current culture).</summary>
public static class ValueParsers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>An integer quantity; "6.0" (how spreadsheets often export integers) is accepted, "6.5" is not.</summary>
    public static bool TryParseQuantity(ReadOnlySpan<char> text, out int quantity)
    {
        text = text.Trim();
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, Invariant, out quantity)) return true;
        if (double.TryParse(text, NumberStyles.Float, Invariant, out var d) && d == Math.Floor(d) && Math.Abs(d) <= int.MaxValue)
        {
            quantity = (int)d;
            return true;
        }
        return false;
    }

    /// <summary>
    /// A decimal price. '.' is the decimal point. When <paramref name="commaDecimal"/> is set (files whose delimiter is
    /// not a comma), a ',' is the decimal point if it is the last separator ("2,55" and "1.234,56"), and a '.' before
    /// it is a thousands separator; otherwise ',' is a thousands separator ("1,234.56").
    /// </summary>
    public static bool TryParsePrice(ReadOnlySpan<char> text, bool commaDecimal, out double price)
    {
        text = text.Trim();
        var comma = text.LastIndexOf(',');
        if (comma < 0) return double.TryParse(text, NumberStyles.Float, Invariant, out price);

        var dot = text.LastIndexOf('.');
        var commaIsDecimal = commaDecimal && comma > dot;
        Span<char> buffer = text.Length <= 64 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        foreach (var c in text)
        {
            if (c == ',') { if (commaIsDecimal) buffer[n++] = '.'; }
            else if (c == '.' && commaIsDecimal) { }
            else buffer[n++] = c;
        }
        return double.TryParse(buffer[..n], NumberStyles.Float, Invariant, out price);
    }

    /// <summary>
    /// Customer ids are text, but spreadsheets turn 17850 into "17850.0": a numeric id with an all-zero fraction
    /// loses the fraction. Blank means unknown (null).
    /// </summary>
    public static string? NormalizeCustomerId(string? raw)
    {
        if (raw is null) return null;
        var text = raw.AsSpan().Trim();
        if (text.Length == 0) return null;
        var dot = text.IndexOf('.');
        if (dot > 0 && IsDigits(text[..dot]) && IsZeros(text[(dot + 1)..])) return text[..dot].ToString();
        return text.Length == raw.Length ? raw : text.ToString();
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    private static bool IsZeros(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (c != '0') return false;
        return true;
    }
}
