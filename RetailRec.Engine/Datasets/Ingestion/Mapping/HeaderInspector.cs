namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>
/// What the UI needs for the column-mapping step: the file's columns, the mapping recognised automatically, which
/// required fields it leaves open, and a few preview rows. For a workbook the first sheet whose header maps completely
/// is shown (else the first sheet with a header). Reads only the start of a CSV / CSV.GZ.
/// </summary>
public sealed record HeaderInspection(
    string Format,
    string Encoding,
    string? Delimiter,
    string? SheetName,
    IReadOnlyList<string> Columns,
    ColumnMapping DetectedMapping,
    IReadOnlyList<TransactionField> UnmappedRequired,
    IReadOnlyList<TransactionField> UnmappedOptional,
    IReadOnlyList<IReadOnlyList<string>> PreviewRows)
{
    /// <summary>True when the file can be imported without asking the user for a mapping.</summary>
    public bool IsComplete => UnmappedRequired.Count == 0;
}

public sealed class HeaderInspector(IngestionOptions? options = null)
{
    private readonly IngestionOptions _options = options ?? new IngestionOptions();

    /// <summary>
    /// Inspects the start of an upload. Throws <see cref="ImportRejectedException"/> for files that cannot be read at
    /// all (empty, binary, oversized, damaged). Synchronous reads: a browser upload stream should be copied to a file first.
    /// </summary>
    public HeaderInspection Inspect(Stream stream, string fileName, int previewRows = 5)
    {
        using var source = SourceOpener.Open(stream, fileName, _options, out var upload);
        using (upload)
        {
            HeaderInspection? first = null;
            while (source.NextTable())
            {
                var inspection = Describe(source, previewRows);
                if (inspection.IsComplete) return inspection;
                first ??= inspection;
            }
            return first ?? throw SourceOpener.Empty();
        }
    }

    public HeaderInspection Inspect(string path, int previewRows = 5)
    {
        using var file = File.OpenRead(path);
        return Inspect(file, Path.GetFileName(path), previewRows);
    }

    private static HeaderInspection Describe(RowSource source, int previewRows)
    {
        var columns = source.Header.ToArray();
        HeaderRules.ThrowOnRepeatedColumn(columns, source.TableName);
        var mapping = HeaderMatcher.Detect(columns);
        var rows = new List<IReadOnlyList<string>>();
        while (rows.Count < previewRows && source.ReadRow())
            rows.Add(Enumerable.Range(0, columns.Length).Select(source.Field).ToArray());
        var optional = TransactionFields.All.Where(f => !TransactionFields.IsRequired(f) && mapping[f] is null).ToArray();
        return new HeaderInspection(source.Format, source.EncodingName, source.DelimiterName, source.TableName, columns, mapping,
            mapping.MissingRequired(), optional, rows);
    }
}
