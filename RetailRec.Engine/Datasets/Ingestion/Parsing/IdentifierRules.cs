namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>
/// How customer ids and stock codes are normalised (README "Identifiers"), so that one customer or item written in
/// two ways is one, and a malformed id is reported instead of becoming a new customer.
/// </summary>
public static class IdentifierRules
{
    /// <summary>Longest accepted customer id in digits.</summary>
    public const int MaxCustomerIdDigits = 18;

    /// <summary>
    /// A customer id is a whole number written in digits. Surrounding spaces are trimmed and a spreadsheet's all-zero
    /// fraction ("17850.0", "17850.00") is dropped, so both are customer "17850". Leading zeros are kept (they are
    /// part of the id). Blank is "no customer" (null, no error). Scientific notation, a decimal comma, letters, a sign
    /// or a real fraction give an error naming the problem.
    /// </summary>
    public static string? NormalizeCustomerId(string raw, out string? error)
    {
        error = null;
        var text = raw.AsSpan().Trim();
        if (text.IsEmpty) return null;
        var digits = text;
        var dot = text.IndexOf('.');
        if (dot > 0 && IsDigits(text[..dot]) && IsZeros(text[(dot + 1)..])) digits = text[..dot];
        if (IsDigits(digits) && digits.Length <= MaxCustomerIdDigits)
            return digits.Length == raw.Length ? raw : digits.ToString();

        var problem = digits.Length > MaxCustomerIdDigits && IsDigits(digits) ? $"more than {MaxCustomerIdDigits} digits"
            : text.ContainsAny('e', 'E') && text.IndexOfAnyExcept("0123456789.,eE+-") < 0 ? "scientific notation (the spreadsheet rounded the id)"
            : text.Contains(',') ? "a comma"
            : text[0] is '-' or '+' ? "a sign"
            : text.IndexOfAnyExcept("0123456789.") >= 0 ? "characters other than digits"
            : "a fraction";
        error = $"customer id '{InvoiceDateParser.Clip(text)}' is not a plain whole number ({problem})";
        return null;
    }

    /// <summary>
    /// Stock codes: trimmed, upper-case (invariant; "85123a" and "85123A" are one item), and a spreadsheet's ".0"
    /// after an all-digit code dropped ("85123.0" is "85123"). Invisible characters are removed earlier, with a warning,
    /// by <see cref="TextRepair"/>.
    /// </summary>
    public static string NormalizeStockCode(string raw)
    {
        var text = raw.AsSpan().Trim();
        var dot = text.IndexOf('.');
        if (dot > 0 && IsDigits(text[..dot]) && IsZeros(text[(dot + 1)..])) text = text[..dot];
        var hasLower = false;
        foreach (var c in text) if (char.IsLower(c)) { hasLower = true; break; }
        if (!hasLower) return text.Length == raw.Length ? raw : text.ToString();
        return text.ToString().ToUpperInvariant();
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return false;
        foreach (var c in s) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    private static bool IsZeros(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return false;
        foreach (var c in s) if (c != '0') return false;
        return true;
    }
}
