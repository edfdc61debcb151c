using System.Diagnostics;
using System.Globalization;
using RetailRec.Engine.Domain;

namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>
/// Turns raw lines into flagged <see cref="TransactionRecord"/>s, in file order, applying the rules of the README
/// (text repairs, exact values, identifiers, business rules). Rows whose slash date is ambiguous while the column's
/// date order is still unknown are held back (with every row after them, to keep the order) until a later row decides
/// it, the hold-back limit is reached, or the table ends; then the fallback order applies.
/// </summary>
internal sealed class RecordAssembler(IngestionOptions options, bool commaDecimal, ImportReportBuilder report)
{
    private readonly InvoiceDateParser _dates = new(options.DateOrder);
    private readonly DuplicateDetector _duplicates = new();
    private readonly InvoiceConsistency _invoices = new();
    private readonly List<RawLine> _pending = [];
    private readonly Dictionary<string, CustomerId> _customers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Item> _items = new(StringComparer.Ordinal);
    private readonly DateTime _latestPlausible = options.LatestPlausibleDate ?? DateTime.UtcNow.Date.AddDays(2);
    private long _validateTicks;
    private readonly List<(long Line, LineFlags Flags, DateTime Date)> _ambiguousReads = [];
    private readonly List<string> _ambiguousTexts = [];
    private readonly List<(long Line, DateTime Date)> _retracted = [];

    /// <summary>
    /// Rows emitted earlier whose ambiguous date was read in the order decided first, taken back because their column
    /// later showed both orders: the caller removes them (they are counted as not imported in the report).
    /// </summary>
    public IReadOnlyList<(long Line, DateTime Date)> Retracted => _retracted;

    private sealed record CustomerId(string? Id, string? Error);

    /// <summary>A stock code as written, its normalised form, and whether an earlier line sold it.</summary>
    private sealed class Item(string code, bool nonProduct)
    {
        public string Code { get; } = code;
        public bool NonProduct { get; } = nonProduct;
        public bool Sold { get; set; }
    }

    /// <summary>Stopwatch ticks spent on validation (flags, duplicates, report), for the benchmark's time split.</summary>
    public long ValidateTicks => _validateTicks;

    public InvoiceDateParser Dates => _dates;

    public void Accept(RawLine raw, List<TransactionRecord> output, bool mayNeedTextRepair = true)
    {
        raw = RepairText(raw, mayNeedTextRepair);
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

    /// <summary>
    /// End of a table (a CSV file, a sheet): rows still waiting for the date order take the fallback; if the column
    /// turned out to hold both orders, the ambiguous dates read before that are taken back (see <see cref="Retracted"/>).
    /// </summary>
    public void Finish(List<TransactionRecord> output)
    {
        if (_pending.Count > 0)
        {
            _dates.Decide(options.AmbiguousDateFallback,
                $"slash dates read {Describe(options.AmbiguousDateFallback)}: no date in the file tells day and month apart");
            Flush(output);
        }
        if (_dates.MixedNote is { } mixed)
            for (var i = 0; i < _ambiguousReads.Count; i++)
            {
                var (line, flags, date) = _ambiguousReads[i];
                var text = i < _ambiguousTexts.Count ? $"'{_ambiguousTexts[i]}'" : $"read as {date:yyyy-MM-dd}";
                report.Retract(line, flags, $"invoice date {text} is ambiguous: {mixed}, so day and month cannot be told apart", "InvoiceDate");
                _retracted.Add((line, date));
            }
        _ambiguousReads.Clear();
        _ambiguousTexts.Clear();
    }

    private void Flush(List<TransactionRecord> output)
    {
        foreach (var raw in _pending) Build(raw, output);
        _pending.Clear();
    }

    /// <summary>Control, invisible and over-long text is repaired once per line, with one warning per rule.</summary>
    private RawLine RepairText(RawLine raw, bool mayNeedRepair)
    {
        if (mayNeedRepair && (TextRepair.NeedsRepair(raw.Invoice) || TextRepair.NeedsRepair(raw.StockCode) || TextRepair.NeedsRepair(raw.Description)
            || TextRepair.NeedsRepair(raw.Quantity) || TextRepair.NeedsRepair(raw.InvoiceDate) || TextRepair.NeedsRepair(raw.Price)
            || TextRepair.NeedsRepair(raw.CustomerId) || TextRepair.NeedsRepair(raw.Country)))
        {
            var warned = new HashSet<ImportRule>();
            raw = raw with
            {
                Invoice = Repair(raw.Line, "Invoice", raw.Invoice, warned),
                StockCode = Repair(raw.Line, "StockCode", raw.StockCode, warned),
                Description = Repair(raw.Line, "Description", raw.Description, warned),
                Quantity = Repair(raw.Line, "Quantity", raw.Quantity, warned),
                InvoiceDate = Repair(raw.Line, "InvoiceDate", raw.InvoiceDate, warned),
                Price = Repair(raw.Line, "Price", raw.Price, warned),
                CustomerId = Repair(raw.Line, "CustomerId", raw.CustomerId, warned),
                Country = Repair(raw.Line, "Country", raw.Country, warned),
            };
        }
        if (raw.Description.Length > TextLimits.MaxDescriptionChars)
        {
            report.Warn(ImportRule.LongText, raw.Line, "Description",
                $"description of {raw.Description.Length:N0} characters truncated to {TextLimits.MaxDescriptionChars:N0}");
            raw = raw with { Description = raw.Description[..TextLimits.MaxDescriptionChars] };
        }
        if (raw.Country.Length > TextLimits.MaxCountryChars)
        {
            report.Warn(ImportRule.LongText, raw.Line, "Country",
                $"country of {raw.Country.Length:N0} characters truncated to {TextLimits.MaxCountryChars}");
            raw = raw with { Country = raw.Country[..TextLimits.MaxCountryChars] };
        }
        return raw;
    }

    private string Repair(long line, string column, string value, HashSet<ImportRule> warned)
    {
        if (!TextRepair.NeedsRepair(value)) return value;
        var codes = TextRepair.Codes(value);
        var repaired = TextRepair.Repair(value, out var control, out var invisible, out var invalid);
        if ((control || invisible) && warned.Add(ImportRule.ControlCharacters))
            report.Warn(ImportRule.ControlCharacters, line, column, $"removed {(control ? "control" : "invisible")} characters ({codes}) from {column}");
        if (invalid && warned.Add(ImportRule.InvalidText))
            report.Warn(ImportRule.InvalidText, line, column, $"{column} '{InvoiceDateParser.Clip(repaired)}' has bytes that are not valid UTF-8 (kept as \uFFFD)");
        return repaired;
    }

    /// <summary>False when the row must wait for the date order.</summary>
    private bool Build(in RawLine raw, List<TransactionRecord> output)
    {
        var status = _dates.TryParse(raw.InvoiceDate, raw.Line, out var date, out var dateError);
        if (status == DateParseStatus.AmbiguousOrder) return false;
        if (Check(raw, status, date, dateError, output, out var column) is { } error) report.Rejected(raw.Line, error, column);
        return true;
    }

    /// <summary>Builds and reports the record; returns the reason (and column) when the line cannot be imported.</summary>
    private string? Check(in RawLine raw, DateParseStatus status, DateTime date, string? dateError, List<TransactionRecord> output,
        out string? column)
    {
        column = "Invoice";
        var invoice = raw.Invoice.Trim();
        if (invoice.Length == 0) return "missing invoice number";
        if (invoice.Length > TextLimits.MaxCodeChars) return $"invoice number of {invoice.Length} characters (at most {TextLimits.MaxCodeChars})";
        column = "StockCode";
        var item = ItemOf(raw.StockCode);
        if (item.Code.Length == 0) return "missing stock code";
        if (item.Code.Length > TextLimits.MaxCodeChars) return $"stock code of {item.Code.Length} characters (at most {TextLimits.MaxCodeChars})";
        column = "Quantity";
        if (!ValueParsers.TryParseQuantity(raw.Quantity, out var quantity))
            return raw.Quantity.AsSpan().Trim().IsEmpty ? "missing quantity"
                : $"quantity '{Clip(raw.Quantity)}' is not a whole number written plainly (digits, optional sign)";
        if (Math.Abs((long)quantity) > options.MaxAbsQuantity)
            return $"quantity {quantity} is outside the accepted range of ±{options.MaxAbsQuantity:N0}";
        column = "Price";
        if (!ValueParsers.TryParsePrice(raw.Price, commaDecimal, out var price)) return PriceError(raw.Price);
        if (Math.Abs(price) > options.MaxAbsPrice)
            return $"price {Clip(raw.Price)} is outside the accepted range of ±{options.MaxAbsPrice.ToString("N0", CultureInfo.InvariantCulture)}";
        if (price < 0 && !item.NonProduct)
            return $"price {Clip(raw.Price)} is negative on product line {item.Code} (only adjustment codes such as B may carry a negative price)";
        column = "InvoiceDate";
        if (status == DateParseStatus.Invalid) return dateError;
        column = "CustomerId";
        var customer = Customer(raw.CustomerId);
        if (customer.Error is not null) return customer.Error;
        column = null;

        var start = Stopwatch.GetTimestamp();
        var country = raw.Country.Trim();
        var flags = LineRules.FlagsOf(invoice, quantity, price, customer.Id, item.NonProduct);
        if (date.Year < 1900 || date.Date == UnixEpoch || date > _latestPlausible) flags |= LineFlags.ImplausibleDate;
        if (!item.NonProduct)
        {
            if ((flags & LineFlags.Cancellation) != 0 && quantity < 0 && !item.Sold) flags |= LineFlags.UnmatchedCancellation;
            else if ((flags & LineFlags.Cancellation) == 0 && quantity > 0) item.Sold = true;
        }
        var mismatch = _invoices.Check(invoice, raw.Line, customer.Id, date, country);
        if (mismatch is not null) flags |= LineFlags.InvoiceMismatch;
        if (_duplicates.IsRepeat(raw)) flags |= LineFlags.Duplicate;
        var record = new TransactionRecord(raw.Line, invoice, item.Code, raw.Description, quantity, date, price, customer.Id, country)
            { Flags = flags };
        report.Imported(record, mismatch is null ? null : _ => mismatch);
        output.Add(record);
        if (_dates.LastReadAmbiguous)
        {
            _ambiguousReads.Add((raw.Line, flags, date));
            if (_ambiguousTexts.Count < options.SamplesPerRule) _ambiguousTexts.Add(Clip(raw.InvoiceDate.Trim()));
        }
        _validateTicks += Stopwatch.GetTimestamp() - start;
        return null;
    }

    private static readonly DateTime UnixEpoch = new(1970, 1, 1);

    private string PriceError(string text)
    {
        var value = text.AsSpan().Trim();
        if (value.IsEmpty) return "missing price";
        var hint = !commaDecimal && value.Contains(',') && !value.Contains('.')
            ? " (in a comma-delimited file a comma in a price could be a thousands separator or a decimal comma)"
            : value.ContainsAny('e', 'E') ? " (no exponents)" : "";
        return $"price '{Clip(text)}' is not a plain decimal number{hint}";
    }

    private Item ItemOf(string raw)
    {
        if (_items.TryGetValue(raw, out var item)) return item;
        var code = IdentifierRules.NormalizeStockCode(raw);
        // Share one Item between spellings of a code, so "85123a" and "85123A" have one "sold" state.
        if (!_items.TryGetValue(code, out item)) item = new Item(code, NonProductCodes.IsNonProduct(code));
        if (_items.Count < 1_000_000) { _items[raw] = item; _items.TryAdd(code, item); }
        return item;
    }

    /// <summary>Normalised customer id, cached so repeated ids share one string.</summary>
    private CustomerId Customer(string raw)
    {
        if (_customers.TryGetValue(raw, out var id)) return id;
        id = new CustomerId(IdentifierRules.NormalizeCustomerId(raw, out var error), error);
        if (_customers.Count < 1_000_000) _customers[raw] = id;
        return id;
    }

    private static string Clip(string s) => InvoiceDateParser.Clip(s);

    private static string Describe(SlashDateOrder order) => order == SlashDateOrder.MonthFirst ? "month first" : "day first";
}
