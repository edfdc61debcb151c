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

    public void Note(string note)
    {
        if (_notes.Count < 50 && !_notes.Contains(note)) _notes.Add(note);
    }

    public void Rejected(long line, string reason)
    {
        LinesRead++;
        if (Hit(ImportRule.Unparseable)) Sample(ImportRule.Unparseable, line, reason);
    }

    public void Imported(TransactionRecord r)
    {
        LinesRead++;
        RowsImported++;
        var f = r.Flags;
        if (f == LineFlags.None) return;
        FlaggedRows++;
        var n = r.LineNumber;
        // Reason texts are only built while a rule still wants samples: most flagged rows only count.
        if ((f & LineFlags.Cancellation) != 0 && Hit(ImportRule.Cancellation)) Sample(ImportRule.Cancellation, n, $"invoice {r.Invoice}");
        if ((f & LineFlags.Return) != 0 && Hit(ImportRule.Return)) Sample(ImportRule.Return, n, $"quantity {r.Quantity}");
        if ((f & LineFlags.MissingCustomer) != 0 && Hit(ImportRule.MissingCustomer)) Sample(ImportRule.MissingCustomer, n, "customer id is empty");
        if ((f & LineFlags.NonPositivePrice) != 0 && Hit(ImportRule.NonPositivePrice))
            Sample(ImportRule.NonPositivePrice, n, "price " + r.Price.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if ((f & LineFlags.NonProduct) != 0 && Hit(ImportRule.NonProduct)) Sample(ImportRule.NonProduct, n, $"stock code {r.StockCode}");
        if ((f & LineFlags.Duplicate) != 0 && Hit(ImportRule.Duplicate)) Sample(ImportRule.Duplicate, n, "same values as an earlier line");
    }

    /// <summary>Counts one hit; true when the rule still collects samples.</summary>
    private bool Hit(ImportRule rule)
    {
        _counts[(int)rule]++;
        return _samples[(int)rule].Count < samplesPerRule;
    }

    private void Sample(ImportRule rule, long line, string reason) => _samples[(int)rule].Add(new RuleSample(line, reason));

    public ImportReport Build(string fileName, string format, string encoding, string? delimiter, string contentHash) =>
        new(fileName, format, encoding, delimiter, LinesRead, RowsImported, _counts[(int)ImportRule.Unparseable], FlaggedRows,
            ImportRules.All.Select(r => new RuleReport(r, ImportRules.Describe(r), _counts[(int)r], _samples[(int)r].ToArray())).ToArray(),
            _notes.ToArray(), contentHash);
}
