using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>
/// Rows of every sheet of an .xlsx workbook via ExcelDataReader. The upload is spooled to a temp file first (a zip
/// needs seeking; the file is deleted on close) and checked by <see cref="ZipBombGuard"/> before ExcelDataReader
/// touches it. Each sheet has its own header row; sheets without one are skipped. Cells become invariant text
/// (numbers shortest round-trip, dates "yyyy-MM-dd HH:mm:ss") and go through the same parsing as CSV fields.
/// </summary>
internal sealed class XlsxRowSource : RowSource
{
    static XlsxRowSource() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private readonly FileStream _temp;
    private readonly IExcelDataReader _reader;
    private bool _started;
    private int _sheet = -1;
    private long _rowInSheet;
    private int _headerWidth;
    private readonly Dictionary<string, Dictionary<long, List<string>>> _formulasWithoutValue;

    private XlsxRowSource(FileStream temp, IExcelDataReader reader, Dictionary<string, Dictionary<long, List<string>>> formulasWithoutValue)
    {
        _temp = temp;
        _reader = reader;
        _formulasWithoutValue = formulasWithoutValue;
    }

    public static RowSource Open(Stream workbook, HashingLimitStream upload, IngestionOptions options)
    {
        var path = Path.Combine(Path.GetTempPath(), $"retailrec-upload-{Guid.NewGuid():N}.xlsx");
        var temp = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            workbook.CopyTo(temp); // the upload limit is enforced by the hashing stream underneath
            temp.Position = 0;
            ZipBombGuard.Check(temp, options);
            temp.Position = 0;
            var formulas = Excel(() => XlsxFormulaScanner.Scan(temp));
            temp.Position = 0;
            var reader = Excel(() => ExcelReaderFactory.CreateOpenXmlReader(temp, new ExcelReaderConfiguration { LeaveOpen = true }));
            return new XlsxRowSource(temp, reader, formulas);
        }
        catch
        {
            temp.Dispose();
            throw;
        }
    }

    public override string Format => "XLSX";
    public override string EncodingName => "OOXML";
    public override int FieldCount => _reader.FieldCount;
    /// <summary>ExcelDataReader yields every row from row 1 (gaps as blank rows), so the count is the Excel row number.</summary>
    public override long LineNumber => _rowInSheet;

    public override string? RowProblem(int headerCount)
    {
        for (var i = _headerWidth; i < _reader.FieldCount; i++)
            if (Field(i).Length > 0) return $"cell {CellName(i)}{_rowInSheet} has a value but its column has no header";
        if (TableName is { } sheet && _formulasWithoutValue.TryGetValue(sheet, out var rows) && rows.TryGetValue(_rowInSheet, out var cells))
            return $"cell {string.Join(", ", cells)} holds a formula without a saved value (formulas are never evaluated here: " +
                   "open the workbook in Excel, let it calculate, save it and upload it again)";
        return null;
    }

    private static string CellName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    public override double Progress
    {
        get
        {
            var sheets = Math.Max(1, _reader.ResultsCount);
            var rows = Math.Max(1, _reader.RowCount);
            return Math.Clamp((Math.Max(0, _sheet) + Math.Min(1.0, _rowInSheet / (double)rows)) / sheets, 0, 1);
        }
    }

    public override bool NextTable() => Excel(() =>
    {
        while (true)
        {
            if (_started && !_reader.NextResult()) return false;
            _started = true;
            _sheet++;
            _rowInSheet = 0;
            TableName = _reader.Name;
            while (_reader.Read())
            {
                _rowInSheet++;
                if (IsBlankRow()) continue;
                Header = Enumerable.Range(0, _reader.FieldCount).Select(i => Field(i).Trim()).ToArray();
                _headerWidth = Header.Count;
                while (_headerWidth > 0 && Header[_headerWidth - 1].Length == 0) _headerWidth--;
                return true;
            }
        }
    });

    public override bool ReadRow() => Excel(_readRow ??= ReadNonBlank);

    private Func<bool>? _readRow;

    private bool ReadNonBlank()
    {
        while (_reader.Read())
        {
            _rowInSheet++;
            if (!IsBlankRow()) return true;
        }
        return false;
    }

    private bool IsBlankRow()
    {
        for (var i = 0; i < _reader.FieldCount; i++)
            if (_reader.GetValue(i) is { } v && (v is not string s || !string.IsNullOrWhiteSpace(s))) return false;
        return true;
    }

    public override string Field(int index)
    {
        if (index < 0 || index >= _reader.FieldCount) return "";
        return _reader.GetValue(index) switch
        {
            null => "",
            string s => s,
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            DateTime dt => RoundToSecond(dt).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            bool b => b ? "TRUE" : "FALSE",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString() ?? "",
        };
    }

    // Excel stores times as fractions of a day, so 08:26 can come back as 08:25:59.9999.
    private static DateTime RoundToSecond(DateTime dt) =>
        new((dt.Ticks + TimeSpan.TicksPerSecond / 2) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond);

    /// <summary>ExcelDataReader signals a damaged workbook with assorted exception types; all mean "cannot read this file".</summary>
    private static T Excel<T>(Func<T> read)
    {
        try { return read(); }
        catch (Exception e) when (e is not (ImportRejectedException or OperationCanceledException or OutOfMemoryException))
        {
            throw new ImportRejectedException(RejectionKind.CorruptFile,
                "The Excel workbook is damaged or not a valid .xlsx file. Open it in Excel, save it again and re-upload.", e);
        }
    }

    public override void Dispose()
    {
        _reader.Dispose();
        _temp.Dispose();
    }
}
