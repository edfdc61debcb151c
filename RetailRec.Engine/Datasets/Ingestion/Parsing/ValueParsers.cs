using System.Globalization;

namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>
/// Culture-explicit, exact parsing of the numeric fields (never the machine's current culture). A value is accepted
/// only when it has exactly one reading: no exponents, NaN, Infinity, hex, currency signs or inner spaces, and a
/// thousands separator only where its groups prove it is one. Anything else is reported by the caller, never coerced.
/// </summary>
public static class ValueParsers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Most digits after the decimal point of a price (more is not a price but a computation's residue).</summary>
    public const int MaxPriceDecimals = 6;

    /// <summary>
    /// An integer quantity: optional sign and digits; "6.0" / "6.00" (how spreadsheets export integers) is 6.
    /// "6.5", "1e3", "1,000", "0x10" are not whole numbers written plainly and return false.
    /// </summary>
    public static bool TryParseQuantity(ReadOnlySpan<char> text, out int quantity)
    {
        quantity = 0;
        text = text.Trim();
        var dot = text.IndexOf('.');
        if (dot >= 0)
        {
            foreach (var c in text[(dot + 1)..]) if (c != '0') return false;
            text = text[..dot];
        }
        var digits = text is ['-' or '+', .. var rest] ? rest : text;
        if (digits.IsEmpty) return false;
        foreach (var c in digits) if (!char.IsAsciiDigit(c)) return false;
        return int.TryParse(text, NumberStyles.AllowLeadingSign, Invariant, out quantity);
    }

    /// <summary>
    /// A decimal price written plainly: optional sign, digits, at most <see cref="MaxPriceDecimals"/> decimals.
    /// '.' alone is the decimal point. ',' alone is the decimal point only when <paramref name="commaDecimal"/> is set
    /// (files not delimited by commas); in a comma-delimited file "1,234" could be 1.234 or 1234 and is refused.
    /// With both, the last one is the decimal point and the other must group digits by three ("1,234.56", "1.234,56");
    /// a separator repeated in groups of three with no other ("1,234,567") is a thousands separator.
    /// </summary>
    public static bool TryParsePrice(ReadOnlySpan<char> text, bool commaDecimal, out double price)
    {
        price = 0;
        text = text.Trim();
        var body = text is ['-' or '+', .. var rest] ? rest : text;
        if (body.IsEmpty || !char.IsAsciiDigit(body[0]) || !char.IsAsciiDigit(body[^1])) return false;
        int commas = 0, dots = 0;
        foreach (var c in body)
        {
            if (c == ',') commas++;
            else if (c == '.') dots++;
            else if (!char.IsAsciiDigit(c)) return false;
        }

        char? decimalPoint, grouping;
        if (commas == 0 && dots == 0) (decimalPoint, grouping) = (null, null);
        else if (commas == 0) (decimalPoint, grouping) = dots == 1 ? ((char?)'.', (char?)null) : (null, '.');
        else if (dots == 0)
        {
            if (commas > 1) (decimalPoint, grouping) = (null, ',');
            else if (commaDecimal) (decimalPoint, grouping) = (',', null);
            else return false; // "1,234" in a comma-delimited file: thousands or decimal? Not guessed.
        }
        else
        {
            var last = body.LastIndexOfAny(',', '.');
            decimalPoint = body[last];
            grouping = decimalPoint == ',' ? '.' : ',';
            if (body[..last].Contains(decimalPoint.Value)) return false;
        }

        var decimalAt = decimalPoint is { } p ? body.LastIndexOf(p) : body.Length;
        if (body.Length - decimalAt - 1 > MaxPriceDecimals) return false;
        if (grouping is { } g && !GroupsOfThree(body[..decimalAt], g)) return false;
        if (grouping is null && decimalPoint is null or '.') // the common case: already plain invariant text
            return double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, Invariant, out price) && double.IsFinite(price);

        Span<char> plain = stackalloc char[Math.Min(text.Length, 64)];
        if (text.Length > 64) return false;
        var n = 0;
        if (text[0] == '-') plain[n++] = '-';
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (char.IsAsciiDigit(c)) plain[n++] = c;
            else if (i == decimalAt) plain[n++] = '.';
        }
        return double.TryParse(plain[..n], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, Invariant, out price)
               && double.IsFinite(price);
    }

    /// <summary>"1,234,567": a first group of 1-3 digits, then groups of exactly 3.</summary>
    private static bool GroupsOfThree(ReadOnlySpan<char> integer, char separator)
    {
        var first = integer.IndexOf(separator);
        if (first is < 1 or > 3) return false;
        var run = 0;
        for (var i = first + 1; i < integer.Length; i++)
        {
            if (integer[i] == separator) { if (run != 3) return false; run = 0; }
            else run++;
        }
        return run == 3;
    }
}
