namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>Structure rules for a header row (README "Structure").</summary>
public static class HeaderRules
{
    /// <summary>
    /// A header that names a column twice (compared as <see cref="HeaderMatcher.Normalize"/> does, blanks ignored) is
    /// refused: which of the two columns holds the data cannot be known.
    /// </summary>
    public static void ThrowOnRepeatedColumn(IReadOnlyList<string> header, string? sheet)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var key = HeaderMatcher.Normalize(header[i]);
            if (key.Length == 0) continue;
            if (seen.TryGetValue(key, out var first))
                throw new ImportRejectedException(RejectionKind.RepeatedColumn,
                    $"{(sheet is null ? "The header" : $"The header of sheet '{sheet}'")} names the column '{header[i].Trim()}' twice " +
                    $"(columns {first + 1} and {i + 1}). Give every column its own name and upload the file again.");
            seen[key] = i;
        }
    }
}
