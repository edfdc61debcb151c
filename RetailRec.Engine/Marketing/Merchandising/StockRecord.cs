namespace RetailRec.Engine.Marketing.Merchandising;

/// <summary>One row of the optional stock file (docs/STOCK_FILE.md).</summary>
public sealed record StockRecord(string StockCode, int OnHand, int? ReceivedUnits = null, DateTime? ReceivedDate = null);

/// <summary>A rejected stock-file row: 1-based data line (header excluded), the column at fault, and why.</summary>
public sealed record StockFileIssue(long Line, string Column, string Message)
{
    public override string ToString() => $"line {Line}, {Column}: {Message}";
}

/// <summary>Accepted rows and the reasons other rows were rejected; a file with any issue is reported, not half-trusted silently.</summary>
public sealed record StockFileResult(IReadOnlyList<StockRecord> Rows, IReadOnlyList<StockFileIssue> Issues)
{
    public bool IsValid => Issues.Count == 0;
}
