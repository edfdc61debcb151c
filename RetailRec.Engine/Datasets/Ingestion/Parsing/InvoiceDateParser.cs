using System.Globalization;

namespace RetailRec.Engine.Datasets.Ingestion;

public enum DateParseStatus { Ok, Invalid, AmbiguousOrder }

/// <summary>
/// Parses invoice dates with the invariant culture: "yyyy-MM-dd HH:mm[:ss]", ISO 8601 ("2010-12-01T08:26:00",
/// with optional fraction and zone; a zone is dropped and the clock time kept, since shops think in local time),
/// slash dates "dd/MM/yyyy HH:mm" or "M/d/yyyy H:mm" (also "yyyy/MM/dd", and dotted "dd.MM.yyyy" which is always
/// day first), and Excel serial dates ("40148.35", rounded to the second).
/// <para>
/// Day-first versus month-first is decided once per file (state lives in this instance): the first slash date whose
/// first part is over 12 fixes day-first, one whose second part is over 12 fixes month-first. Until then an ambiguous
/// value (both parts 1..12 and different) returns <see cref="DateParseStatus.AmbiguousOrder"/> and the caller holds
/// the row back; if the file never decides, the caller applies a fallback with <see cref="Decide"/>. A later value
/// that is only valid in the other order is read in that order (it has only one reading), and from then on the
/// column holds evidence of both orders (<see cref="MixedNote"/>): every later ambiguous value is invalid, never guessed.
/// An order given in the options is never overridden: values that contradict it are invalid.
/// </para>
/// </summary>
public sealed class InvoiceDateParser(SlashDateOrder order = SlashDateOrder.Auto)
{
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd",
    ];

    public SlashDateOrder Order { get; private set; } = order;

    private readonly bool _forced = order != SlashDateOrder.Auto;
    private string? _decidedBy;

    /// <summary>Set once the column has shown both a day-first-only and a month-first-only value.</summary>
    public string? MixedNote { get; private set; }

    /// <summary>
    /// True when the last <see cref="TryParse"/> read an ambiguous value in an order decided from evidence (not forced):
    /// such a row is taken back if the column later shows both orders.
    /// </summary>
    public bool LastReadAmbiguous { get; private set; }

    /// <summary>How the order was decided, for the report (null while undecided or when it was given).</summary>
    public string? DecisionNote { get; private set; }

    public void Decide(SlashDateOrder decided, string note)
    {
        if (Order != SlashDateOrder.Auto) return;
        Order = decided;
        DecisionNote = note;
    }

    /// <summary>Looks at a value only to learn the slash-date order from it.</summary>
    public void Observe(ReadOnlySpan<char> text, long line)
    {
        if (Order == SlashDateOrder.Auto && TrySplitSlash(text.Trim(), out var a, out var b, out _, out _, out var sep, out _))
            Learn(a, b, sep, line, text);
    }

    public DateParseStatus TryParse(ReadOnlySpan<char> text, long line, out DateTime value, out string? error)
    {
        text = text.Trim();
        error = null;
        LastReadAmbiguous = false;
        if (TryParseIsoFast(text, out value)) return DateParseStatus.Ok;
        if (TrySplitSlash(text, out var a, out var b, out var year, out var time, out var sep, out var yearFirst))
            return ParseSlash(text, a, b, year, time, sep, yearFirst, line, out value, out error);
        if (TryParseExcelSerial(text, out value)) return DateParseStatus.Ok;
        if (DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dto))
        {
            value = dto.DateTime;
            return DateParseStatus.Ok;
        }
        error = text.IsEmpty ? "missing invoice date" : $"invoice date '{Clip(text)}' is not a recognised date";
        return DateParseStatus.Invalid;
    }

    private DateParseStatus ParseSlash(ReadOnlySpan<char> text, int a, int b, int year, TimeSpan time, char sep, bool yearFirst,
        long line, out DateTime value, out string? error)
    {
        value = default;
        error = null;
        int day, month;
        if (yearFirst) (month, day) = (a, b);
        else if (sep == '.') (day, month) = (a, b);
        else
        {
            Learn(a, b, sep, line, text);
            var ambiguous = a != b && a <= 12 && b <= 12;
            if (Order == SlashDateOrder.Auto && ambiguous) return DateParseStatus.AmbiguousOrder;
            if (ambiguous && MixedNote is not null)
            {
                error = $"invoice date '{Clip(text)}' is ambiguous: {MixedNote}, so day and month cannot be told apart";
                return DateParseStatus.Invalid;
            }
            LastReadAmbiguous = ambiguous && !_forced;
            (day, month) = Order == SlashDateOrder.MonthFirst ? (b, a) : (a, b);
            var other = Order == SlashDateOrder.MonthFirst ? SlashDateOrder.DayFirst : SlashDateOrder.MonthFirst;
            if (!_forced && month > 12 && day <= 12)
            {
                // Only the other reading is a date: take it, and remember that this column mixes both orders.
                MixedNote ??= $"the column has {Describe(Order)} dates ({_decidedBy ?? "no date told them apart"}) and {Describe(other)} dates (line {line}: '{Clip(text)}')";
                (day, month) = (month, day);
            }
        }
        if (month is < 1 or > 12 || day < 1 || year is < 1 or > 9999 || day > DateTime.DaysInMonth(year, month))
        {
            error = $"invoice date '{Clip(text)}' is not a valid {(Order == SlashDateOrder.MonthFirst ? "month/day" : "day/month")} date";
            return DateParseStatus.Invalid;
        }
        value = new DateTime(year, month, day).Add(time);
        return DateParseStatus.Ok;
    }

    private void Learn(int a, int b, char sep, long line, ReadOnlySpan<char> text)
    {
        if (Order != SlashDateOrder.Auto || sep == '.') return;
        if (a > 12 && b <= 12) Decide(SlashDateOrder.DayFirst, $"slash dates read day first: line {line} has '{Clip(text)}'");
        else if (b > 12 && a <= 12) Decide(SlashDateOrder.MonthFirst, $"slash dates read month first: line {line} has '{Clip(text)}'");
        if (Order != SlashDateOrder.Auto) _decidedBy = $"line {line}: '{Clip(text)}'";
    }

    private static string Describe(SlashDateOrder order) => order == SlashDateOrder.MonthFirst ? "month-first" : "day-first";

    /// <summary>a/b/yyyy or yyyy/a/b (separator '/', '.' or '-' with a 4-digit year last), optional " H:mm[:ss]".</summary>
    private static bool TrySplitSlash(ReadOnlySpan<char> s, out int a, out int b, out int year, out TimeSpan time, out char sep, out bool yearFirst)
    {
        a = b = year = 0;
        time = default;
        sep = '\0';
        yearFirst = false;
        var pos = 0;
        if (!ReadInt(s, ref pos, 4, out var p1, out var len1) || pos >= s.Length) return false;
        sep = s[pos];
        if (sep is not ('/' or '.' or '-')) return false;
        pos++;
        if (!ReadInt(s, ref pos, 2, out var p2, out _) || pos >= s.Length || s[pos] != sep) return false;
        pos++;
        if (!ReadInt(s, ref pos, 4, out var p3, out var len3)) return false;
        if (len1 == 4) { yearFirst = true; year = p1; a = p2; b = p3; if (len3 > 2) return false; }
        else
        {
            if (len1 > 2 || (len3 != 4 && len3 != 2) || sep == '-') return false; // dd-MM-yyyy is too rare to guess at
            year = len3 == 2 ? 2000 + p3 : p3;
            a = p1; b = p2;
        }
        if (pos == s.Length) return true;
        if (s[pos] is not (' ' or 'T')) return false;
        while (pos < s.Length && s[pos] is ' ' or 'T') pos++;
        if (!ReadInt(s, ref pos, 2, out var h, out _) || pos >= s.Length || s[pos] != ':') return false;
        pos++;
        if (!ReadInt(s, ref pos, 2, out var m, out var lenM) || lenM != 2) return false;
        var sec = 0;
        if (pos < s.Length && s[pos] == ':')
        {
            pos++;
            if (!ReadInt(s, ref pos, 2, out sec, out var lenS) || lenS != 2) return false;
        }
        if (pos != s.Length || h > 23 || m > 59 || sec > 59) return false;
        time = new TimeSpan(h, m, sec);
        return true;
    }

    /// <summary>"yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm" and the same with 'T': the common case, parsed without allocation.</summary>
    internal static bool TryParseIsoFast(ReadOnlySpan<char> s, out DateTime value)
    {
        value = default;
        if (s.Length is not (16 or 19) || s[4] != '-' || s[7] != '-' || s[10] is not (' ' or 'T') || s[13] != ':') return false;
        if (!Digits(s, 0, 4, out var y) || !Digits(s, 5, 2, out var mo) || !Digits(s, 8, 2, out var d)
            || !Digits(s, 11, 2, out var h) || !Digits(s, 14, 2, out var mi)) return false;
        var sec = 0;
        if (s.Length == 19 && (s[16] != ':' || !Digits(s, 17, 2, out sec))) return false;
        if (y < 1 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo) || h > 23 || mi > 59 || sec > 59) return false;
        value = new DateTime(y, mo, d, h, mi, sec);
        return true;
    }

    private static bool TryParseExcelSerial(ReadOnlySpan<char> s, out DateTime value)
    {
        value = default;
        foreach (var c in s) if (!char.IsAsciiDigit(c) && c != '.') return false;
        // 1 = 1900-01-01 .. 2958465 = 9999-12-31: the range Excel itself can show.
        if (!double.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial) || serial < 1 || serial >= 2958466) return false;
        var dt = DateTime.FromOADate(serial);
        value = new DateTime((dt.Ticks + TimeSpan.TicksPerSecond / 2) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i])) return false;
            value = value * 10 + (s[i] - '0');
        }
        return true;
    }

    private static bool ReadInt(ReadOnlySpan<char> s, ref int pos, int maxDigits, out int value, out int length)
    {
        value = 0;
        var start = pos;
        while (pos < s.Length && pos - start < maxDigits && char.IsAsciiDigit(s[pos])) value = value * 10 + (s[pos++] - '0');
        length = pos - start;
        return length > 0 && (pos >= s.Length || !char.IsAsciiDigit(s[pos]));
    }

    internal static string Clip(ReadOnlySpan<char> s) => s.Length <= 40 ? s.ToString() : s[..40].ToString() + "...";
}
