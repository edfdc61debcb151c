namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>
/// What an import found, stored as JSON with the dataset. How the counts add up:
/// <c>LinesRead = RowsImported + RowsRejected</c>; <c>RowsRejected</c> = the <see cref="ImportRule.Unparseable"/> count;
/// <c>RowsImported = CleanRows + FlaggedRows</c>. A kept row can break several rules (a cancellation is usually also a
/// return), so the per-rule counts of the kept rules can sum to more than <see cref="FlaggedRows"/>.
/// Line numbers are 1-based data lines, header excluded (line 1 is the first row under the header);
/// in a workbook they run on across sheets.
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

public sealed record RuleSample(long Line, string Reason);
