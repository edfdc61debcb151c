using RetailRec.Engine.Promotions.Uplift;

namespace RetailRec.Engine.Promotions.Runs;

/// <summary>Reads a stored promotion log (docs/PROMOTIONS.md format); a missing file means "no log", a bad one throws.</summary>
public static class PromotionLogFile
{
    /// <exception cref="PromotionLogFormatException">The file exists but is not a valid promotion log.</exception>
    public static IReadOnlyList<PromotionLogEntry>? TryRead(string? path)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path)) return null;
        using var reader = new StreamReader(path);
        return PromotionLogCsv.Read(reader);
    }
}
