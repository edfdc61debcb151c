namespace RetailRec.Engine.Domain;

/// <summary>
/// Enum values typed by users (API bodies, query strings): a defined name in any case. <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/>
/// alone also accepts numbers such as "7" (and "-1"), which would let undefined values through.
/// </summary>
public static class EnumNames
{
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim();
        return !char.IsDigit(t[0]) && !t.StartsWith('-') && Enum.TryParse(t, ignoreCase: true, out value) && Enum.IsDefined(value);
    }
}
