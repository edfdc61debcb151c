using System.Globalization;
using RetailRec.Engine.Domain;

namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>Accumulates rule counts and samples while a file is read.</summary>
public sealed class ImportReportBuilder(int samplesPerRule)
{
    private readonly long[] _counts = new long[ImportRules.All.Count];
    private readonly List<RuleSample>[] _samples = ImportRules.All.Select(_ => new List<RuleSample>()).ToArray();
    private readonly List<string> _notes = [];

    public long LinesRead { get; private set; }
    public long RowsImported { get; private set; }
    public long FlaggedRows { get; private set; }

    /// <summary>The sheet the rows being reported come from (null for text files).</summary>
    public string? Sheet { get; set; }

    public void Note(string note)
    {
        if (_notes.Count < 50 && !_notes.Contains(note)) _notes.Add(note);
    }

    public void Rejected(long line, string reason, string? column = null)
    {
        LinesRead++;
        if (Hit(ImportRule.Unparseable)) Sample(ImportRule.Unparseable, line, reason, column);
    }

    /// <summary>A repaired value of a kept row (count once per line and rule: the caller says which column).</summary>
    public void Warn(ImportRule rule, long line, string column, string reason)
    {
        if (Hit(rule)) Sample(rule, line, reason, column);
    }

    /// <summary>
    /// A kept row. <paramref name="reasons"/> gives the sample text of rules whose reason needs context the record
    /// does not carry (invoice mismatch); it is called only while that rule still collects samples.
    /// </summary>
    public void Imported(TransactionRecord r, Func<ImportRule, string?>? reasons = null)
    {
        LinesRead++;
        RowsImported++;
        var f = r.Flags;
        if (f == LineFlags.None) return;
        FlaggedRows++;
        var n = r.LineNumber;
        // Reason texts are only built while a rule still wants samples: most flagged rows only count.
        if ((f & LineFlags.Cancellation) != 0 && Hit(ImportRule.Cancellation)) Sample(ImportRule.Cancellation, n, $"invoice {r.Invoice}", "Invoice");
        if ((f & LineFlags.Return) != 0 && Hit(ImportRule.Return)) Sample(ImportRule.Return, n, $"quantity {r.Quantity}", "Quantity");
        if ((f & LineFlags.MissingCustomer) != 0 && Hit(ImportRule.MissingCustomer)) Sample(ImportRule.MissingCustomer, n, "customer id is empty", "CustomerId");
        if ((f & LineFlags.NonPositivePrice) != 0 && Hit(ImportRule.NonPositivePrice))
            Sample(ImportRule.NonPositivePrice, n, "price " + r.Price.ToString(CultureInfo.InvariantCulture), "Price");
        if ((f & LineFlags.NonProduct) != 0 && Hit(ImportRule.NonProduct)) Sample(ImportRule.NonProduct, n, $"stock code {r.StockCode}", "StockCode");
        if ((f & LineFlags.Duplicate) != 0 && Hit(ImportRule.Duplicate)) Sample(ImportRule.Duplicate, n, "same values as an earlier line");
        if ((f & LineFlags.ZeroQuantity) != 0 && Hit(ImportRule.ZeroQuantity)) Sample(ImportRule.ZeroQuantity, n, "quantity 0", "Quantity");
        if ((f & LineFlags.SignMismatch) != 0 && Hit(ImportRule.SignMismatch))
            Sample(ImportRule.SignMismatch, n, (f & LineFlags.Cancellation) != 0
                ? $"quantity {r.Quantity} on cancellation invoice {r.Invoice}" : $"quantity {r.Quantity} on normal invoice {r.Invoice}", "Quantity");
        if ((f & LineFlags.InvoiceMismatch) != 0 && Hit(ImportRule.InvoiceMismatch))
            Sample(ImportRule.InvoiceMismatch, n, reasons?.Invoke(ImportRule.InvoiceMismatch) ?? $"invoice {r.Invoice}", "Invoice");
        if ((f & LineFlags.UnmatchedCancellation) != 0 && Hit(ImportRule.UnmatchedCancellation))
            Sample(ImportRule.UnmatchedCancellation, n, $"invoice {r.Invoice} cancels stock code {r.StockCode}, which no earlier line sold", "StockCode");
        if ((f & LineFlags.ImplausibleDate) != 0 && Hit(ImportRule.ImplausibleDate))
            Sample(ImportRule.ImplausibleDate, n, $"invoice date {r.InvoiceDate:yyyy-MM-dd HH:mm:ss}", "InvoiceDate");
    }

    /// <summary>
    /// Takes back a row counted as imported (its date turned out ambiguous): its flag counts and samples are removed and
    /// it is counted as not imported, with the reason. Rare (a column with both date orders), so the sample scans are fine.
    /// </summary>
    public void Retract(long line, LineFlags flags, string reason, string column)
    {
        RowsImported--;
        if (flags != LineFlags.None) FlaggedRows--;
        foreach (var rule in ImportRules.All)
        {
            var flag = ImportRules.Flag(rule);
            if (flag == LineFlags.None || (flags & flag) == 0) continue;
            _counts[(int)rule]--;
            _samples[(int)rule].RemoveAll(s => s.Line == line && s.Sheet == Sheet);
        }
        var rejected = _samples[(int)ImportRule.Unparseable];
        _counts[(int)ImportRule.Unparseable]++;
        if (rejected.Count < samplesPerRule)
        {
            var at = rejected.FindIndex(s => s.Sheet == Sheet && s.Line > line);
            rejected.Insert(at < 0 ? rejected.Count : at, new RuleSample(line, reason, column, Sheet));
        }
    }

    /// <summary>Counts one hit; true when the rule still collects samples.</summary>
    private bool Hit(ImportRule rule)
    {
        _counts[(int)rule]++;
        return _samples[(int)rule].Count < samplesPerRule;
    }

    private void Sample(ImportRule rule, long line, string reason, string? column = null) =>
        _samples[(int)rule].Add(new RuleSample(line, reason, column, Sheet));

    public ImportReport Build(string fileName, string format, string encoding, string? delimiter, string contentHash) =>
        new(fileName, format, encoding, delimiter, LinesRead, RowsImported, _counts[(int)ImportRule.Unparseable], FlaggedRows,
            ImportRules.All.Select(r => new RuleReport(r, ImportRules.Describe(r), _counts[(int)r], _samples[(int)r].ToArray())).ToArray(),
            _notes.ToArray(), contentHash);
}
