using System.Globalization;
using CsvHelper;

namespace RetailRec.Engine.Marketing.Merchandising;

/// <summary>
/// Parses the optional stock file (docs/STOCK_FILE.md): a comma-separated file with a header row; columns matched
/// case-insensitively, ignoring spaces and underscores. Bad rows are skipped and reported with their line and column.
/// </summary>
public static class StockFileReader
{
    private static readonly string[] CodeNames = ["stockcode", "sku", "itemcode"];
    private static readonly string[] OnHandNames = ["onhand", "onhandunits", "stock", "quantityonhand"];
    private static readonly string[] ReceivedNames = ["receivedunits", "received"];
    private static readonly string[] ReceivedDateNames = ["receiveddate", "datereceived"];
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"];

    public static StockFileResult Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader);
    }

    public static StockFileResult Read(TextReader text)
    {
        var options = new CsvReaderOptions { Separator = ',', TrimWhitespace = true };
        using var csv = CsvReader.Create(text, options, leaveOpen: true);
        var issues = new List<StockFileIssue>();
        var rows = new List<StockRecord>();
        csv.ReadHeader();
        var header = csv.Headers.Select(Normalise).ToArray();
        if (header.Length == 0 || header.All(h => h.Length == 0))
            return new StockFileResult(rows, [new StockFileIssue(0, "header", "the file is empty")]);

        int Find(string[] names) => Array.FindIndex(header, h => names.Contains(h));
        int code = Find(CodeNames), onHand = Find(OnHandNames), received = Find(ReceivedNames), date = Find(ReceivedDateNames);
        if (code < 0) issues.Add(new StockFileIssue(0, "header", "missing column StockCode"));
        if (onHand < 0) issues.Add(new StockFileIssue(0, "header", "missing column OnHand"));
        if (issues.Count > 0) return new StockFileResult(rows, issues);

        var seen = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        long line = 0;
        while (csv.Read())
        {
            line = csv.RowNumber;
            var before = issues.Count;
            var stockCode = Field(csv, code);
            if (stockCode.Length == 0) issues.Add(new StockFileIssue(line, "StockCode", "empty stock code"));
            else if (seen.TryGetValue(stockCode, out var firstLine))
                issues.Add(new StockFileIssue(line, "StockCode", $"duplicate of line {firstLine}"));
            var units = ParseCount(Field(csv, onHand), line, "OnHand", required: true, issues);
            var receivedUnits = received >= 0 ? ParseCount(Field(csv, received), line, "ReceivedUnits", required: false, issues) : null;
            DateTime? receivedDate = null;
            var dateText = date >= 0 ? Field(csv, date) : null;
            if (!string.IsNullOrEmpty(dateText))
            {
                if (DateTime.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) receivedDate = d;
                else issues.Add(new StockFileIssue(line, "ReceivedDate", $"'{dateText}' is not a date like 2011-12-01"));
            }
            if (issues.Count > before) continue;
            seen[stockCode] = line;
            rows.Add(new StockRecord(stockCode, units!.Value, receivedUnits, receivedDate));
        }
        return new StockFileResult(rows, issues);
    }

    private static string Field(CsvReader csv, int index) => index < csv.FieldCount ? csv.GetString(index).Trim() : "";

    private static int? ParseCount(string? text, long line, string column, bool required, List<StockFileIssue> issues)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required) issues.Add(new StockFileIssue(line, column, "missing value"));
            return null;
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
        {
            issues.Add(new StockFileIssue(line, column, $"'{text}' is not a whole number"));
            return null;
        }
        if (v < 0) { issues.Add(new StockFileIssue(line, column, $"{v} is negative")); return null; }
        return v;
    }

    private static string Normalise(string h) => h.Replace(" ", "").Replace("_", "").Replace("-", "").ToLowerInvariant();
}
