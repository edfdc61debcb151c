namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>
/// Rows of text cells from one uploaded file, grouped in tables (a CSV file is one table, a workbook has one per
/// sheet), each with its own header row.
/// </summary>
internal abstract class RowSource : IDisposable
{
    /// <summary>"CSV", "CSV.GZ" or "XLSX".</summary>
    public abstract string Format { get; }
    public abstract string EncodingName { get; }
    /// <summary>The detected delimiter's name (comma, semicolon, tab), null for workbooks.</summary>
    public virtual string? DelimiterName => null;
    /// <summary>Whether ',' may be a decimal point in prices (files not delimited by commas).</summary>
    public virtual bool CommaDecimal => false;

    public IReadOnlyList<string> Header { get; protected set; } = [];
    /// <summary>Sheet name for workbooks; null for CSV.</summary>
    public string? TableName { get; protected set; }

    /// <summary>Moves to the next table that has a header row; false when there is none left.</summary>
    public abstract bool NextTable();
    /// <summary>Moves to the next data row of the current table (blank rows are skipped).</summary>
    public abstract bool ReadRow();
    public abstract int FieldCount { get; }
    /// <summary>
    /// Where the current row starts, as the user sees the file: for text the physical 1-based line (the header is line 1,
    /// blank lines and the lines inside a multi-line quoted field count); for a workbook the Excel row number in its sheet.
    /// </summary>
    public abstract long LineNumber { get; }
    /// <summary>
    /// Null when the current row has exactly the header's shape; otherwise why its fields cannot be matched to the header
    /// by position (the row is then reported, never imported).
    /// </summary>
    public abstract string? RowProblem(int headerCount);
    /// <summary>
    /// False when the current row certainly holds no character the text rules repair (TextRepair), so the per-field
    /// checks can be skipped; true when it may (the default: check every field).
    /// </summary>
    public virtual bool RowMayNeedTextRepair => true;
    /// <summary>The cell as text; "" for an empty cell or an index outside the row (including -1: unmapped).</summary>
    public abstract string Field(int index);
    /// <summary>Share of the input consumed, 0..1 (0 when the total is unknown).</summary>
    public abstract double Progress { get; }
    /// <summary>Messages about recovered oddities (e.g. malformed quoting) for the report.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>Called after the last row and after the upload was read to its end: throws when the file was incomplete.</summary>
    public virtual void VerifyComplete() { }

    public abstract void Dispose();

    /// <summary>Turns decoder and parser failures deep in the stream stack into a user-facing rejection.</summary>
    protected static bool Guard(Func<bool> read)
    {
        try { return read(); }
        catch (InvalidDataException e) { throw SourceOpener.Corrupt(e); }
        catch (CsvHelper.CsvFormatException e)
        {
            throw new ImportRejectedException(RejectionKind.CorruptFile,
                "A record is too long to be a transaction line (often a quote that is never closed). Check the file's quoting.", e);
        }
    }
}
