namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>
/// Picks the CSV delimiter from the header line: the candidate (comma, semicolon, tab) that occurs most often outside
/// quotes. Header names rarely contain delimiters, whereas data lines hold quoted descriptions with commas and, in
/// semicolon files, decimal commas. Ties go to the comma; a header with none of them is read as comma-separated.
/// </summary>
internal static class DelimiterDetector
{
    private static readonly char[] Candidates = [',', ';', '\t'];

    public static char Detect(ReadOnlySpan<char> text)
    {
        var counts = new int[Candidates.Length];
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && (c == '\n' || c == '\r')) break;
            else if (!quoted)
                for (var k = 0; k < Candidates.Length; k++)
                    if (c == Candidates[k]) counts[k]++;
        }
        var best = 0;
        for (var k = 1; k < Candidates.Length; k++)
            if (counts[k] > counts[best]) best = k;
        return Candidates[best];
    }

    public static string Name(char delimiter) => delimiter switch
    {
        ',' => "comma",
        ';' => "semicolon",
        '\t' => "tab",
        _ => delimiter.ToString(),
    };
}
