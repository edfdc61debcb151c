namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>
/// What an import found, stored as JSON with the dataset. How the counts add up:
/// <c>LinesRead = RowsImported + RowsRejected</c>; <c>RowsRejected</c> = the <see cref="ImportRule.Unparseable"/> count;
/// <c>RowsImported = CleanRows + FlaggedRows</c>. A kept row can break several rules (a cancellation is usually also a
/// return), so the per-rule counts of the kept rules can sum to more than <see cref="FlaggedRows"/>.
/// Line numbers are physical 1-based lines of the file as it is (the header is line 1, blank lines count, a multi-line
/// quoted record has the line it starts on); in a workbook they are Excel row numbers of the sample's sheet.
/// </summary>
public sealed record ImportReport(
    string FileName,
    string Format,
    string Encoding,
    string? Delimiter,
    long LinesRead,
    long RowsImported,
    long RowsRejected,
    long FlaggedRows,
    IReadOnlyList<RuleReport> Rules,
    IReadOnlyList<string> Notes,
    string ContentHash)
{
    public long CleanRows => RowsImported - FlaggedRows;

    public long Count(ImportRule rule) => Rules.FirstOrDefault(r => r.Rule == rule)?.Count ?? 0;
}

/// <summary>One rule's count and up to N example lines with the reason.</summary>
public sealed record RuleReport(ImportRule Rule, string Description, long Count, IReadOnlyList<RuleSample> Samples);

/// <summary>
/// One example: the physical line (for a workbook the Excel row of <paramref name="Sheet"/>), the column the reason is
/// about (null when it is about the whole row) and the reason, which quotes the value.
/// </summary>
public sealed record RuleSample(long Line, string Reason, string? Column = null, string? Sheet = null);
