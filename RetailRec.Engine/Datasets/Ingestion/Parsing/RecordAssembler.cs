using RetailRec.Engine.Domain;

namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>
/// Turns raw lines into flagged <see cref="TransactionRecord"/>s, in file order. Rows whose slash date is ambiguous
/// while the file's date order is still unknown are held back (with every row after them, to keep the order) until a
/// later row decides it, the hold-back limit is reached, or the file ends; then the fallback order applies.
/// </summary>
internal sealed class RecordAssembler(IngestionOptions options, bool commaDecimal, ImportReportBuilder report)
{
    private readonly InvoiceDateParser _dates = new(options.DateOrder);
    private readonly DuplicateDetector _duplicates = new();
    private readonly List<RawLine> _pending = [];
    private readonly Dictionary<string, string?> _customers = new(StringComparer.Ordinal);
    private long _validateTicks;

    /// <summary>Stopwatch ticks spent on validation (flags, duplicates, report), for the benchmark's time split.</summary>
    public long ValidateTicks => _validateTicks;

    public InvoiceDateParser Dates => _dates;

    public void Accept(in RawLine raw, List<TransactionRecord> output)
    {
        if (_pending.Count == 0)
        {
            if (!Build(raw, output)) _pending.Add(raw);
            return;
        }
        _dates.Observe(raw.InvoiceDate, raw.Line);
        _pending.Add(raw);
        if (_dates.Order == SlashDateOrder.Auto && _pending.Count >= options.MaxPendingAmbiguousRows)
            _dates.Decide(options.AmbiguousDateFallback,
                $"slash dates read {Describe(options.AmbiguousDateFallback)}: the first {_pending.Count:N0} rows had no unambiguous date");
        if (_dates.Order != SlashDateOrder.Auto) Flush(output);
    }

    public void Finish(List<TransactionRecord> output)
    {
        if (_pending.Count == 0) return;
        _dates.Decide(options.AmbiguousDateFallback,
            $"slash dates read {Describe(options.AmbiguousDateFallback)}: no date in the file tells day and month apart");
        Flush(output);
    }

    private void Flush(List<TransactionRecord> output)
    {
        foreach (var raw in _pending) Build(raw, output);
        _pending.Clear();
    }

    /// <summary>False when the row must wait for the date order.</summary>
    private bool Build(in RawLine raw, List<TransactionRecord> output)
    {
        var status = _dates.TryParse(raw.InvoiceDate, raw.Line, out var date, out var dateError);
        if (status == DateParseStatus.AmbiguousOrder) return false;

        var invoice = raw.Invoice.Trim();
        var stockCode = raw.StockCode.Trim();
        string? error = null;
        if (invoice.Length == 0) error = "missing invoice number";
        else if (stockCode.Length == 0) error = "missing stock code";
        else if (!ValueParsers.TryParseQuantity(raw.Quantity, out var quantity))
            error = $"quantity '{InvoiceDateParser.Clip(raw.Quantity)}' is not a whole number";
        else if (!ValueParsers.TryParsePrice(raw.Price, commaDecimal, out var price) || !double.IsFinite(price))
            error = $"price '{InvoiceDateParser.Clip(raw.Price)}' is not a number";
        else if (status == DateParseStatus.Invalid) error = dateError;
        else
        {
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            var customer = Customer(raw.CustomerId);
            var flags = LineRules.FlagsOf(invoice, stockCode, quantity, price, customer);
            if (_duplicates.IsRepeat(raw)) flags |= LineFlags.Duplicate;
            var record = new TransactionRecord(raw.Line, invoice, stockCode, raw.Description, quantity, date, price, customer,
                raw.Country.Trim()) { Flags = flags };
            report.Imported(record);
            output.Add(record);
            _validateTicks += System.Diagnostics.Stopwatch.GetTimestamp() - start;
            return true;
        }
        report.Rejected(raw.Line, error ?? "unreadable row");
        return true;
    }

    /// <summary>Normalised customer id, cached so repeated ids share one string.</summary>
    private string? Customer(string raw)
    {
        if (_customers.TryGetValue(raw, out var id)) return id;
        id = ValueParsers.NormalizeCustomerId(raw);
        if (_customers.Count < 1_000_000) _customers[raw] = id;
        return id;
    }

    private static string Describe(SlashDateOrder order) => order == SlashDateOrder.MonthFirst ? "month first" : "day first";
}
