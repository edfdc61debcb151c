using System.Globalization;
using CsvHelper;

namespace RetailRec.Engine.Promotions.Uplift;

/// <summary>One row of a promotion log: a customer was offered (treated) or held out from (control) a promotion of a product.</summary>
public sealed record PromotionLogEntry(string CustomerId, string PromotionId, string StockCode, bool Treated, DateTime SentDate);

/// <summary>A promotion log that could not be read; <see cref="Errors"/> holds up to 20 "line N: ..." messages.</summary>
public sealed class PromotionLogFormatException(IReadOnlyList<string> errors)
    : Exception("promotion log rejected: " + string.Join("; ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>
/// Reads and writes the promotion-log CSV (docs/PROMOTIONS.md): header <c>CustomerID,PromotionID,StockCode,Treated,SentDate</c>
/// in any order ("Customer ID" accepted), Treated as 1/0, true/false, yes/no or treatment/control, SentDate as
/// yyyy-MM-dd or yyyy-MM-dd HH:mm:ss. The outcome is not in the file: it is derived from the transactions.
/// </summary>
public static class PromotionLogCsv
{
    public const string Header = "CustomerID,PromotionID,StockCode,Treated,SentDate";
    private static readonly string[] Columns = ["CustomerID", "PromotionID", "StockCode", "Treated", "SentDate"];
    private static readonly string[] DateFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"];

    public static IReadOnlyList<PromotionLogEntry> Read(TextReader text)
    {
        using var csv = CsvReader.Create(text, new CsvReaderOptions { Separator = ',' });
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var headers = csv.Headers;
        for (var k = 0; k < headers.Count; k++) index[headers[k].Replace(" ", "", StringComparison.Ordinal).Trim()] = k;
        var missing = Columns.Where(c => !index.ContainsKey(c)).ToArray();
        if (missing.Length > 0) throw new PromotionLogFormatException([$"line 1: missing column(s) {string.Join(", ", missing)}; expected header {Header}"]);

        var entries = new List<PromotionLogEntry>();
        var errors = new List<string>();
        var line = 1;
        while (csv.Read())
        {
            line++;
            string Field(string name) => (index[name] < csv.FieldCount ? csv.GetString(index[name]) : null)?.Trim() ?? "";
            var customer = Field("CustomerID");
            if (customer.EndsWith(".0", StringComparison.Ordinal)) customer = customer[..^2]; // 17850.0 as in the transaction files
            var promotion = Field("PromotionID");
            var code = Field("StockCode");
            var problems = new List<string>();
            if (customer.Length == 0) problems.Add("empty CustomerID");
            if (promotion.Length == 0) problems.Add("empty PromotionID");
            if (code.Length == 0) problems.Add("empty StockCode");
            var treated = ParseTreated(Field("Treated"));
            if (treated is null) problems.Add($"Treated '{Field("Treated")}' is not 1/0, true/false, yes/no or treatment/control");
            if (!DateTime.TryParseExact(Field("SentDate"), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var sent))
                problems.Add($"SentDate '{Field("SentDate")}' is not yyyy-MM-dd[ HH:mm[:ss]]");
            if (problems.Count > 0) { if (errors.Count < 20) errors.Add($"line {line}: {string.Join(", ", problems)}"); continue; }
            entries.Add(new PromotionLogEntry(customer, promotion, code, treated!.Value, sent));
        }
        if (errors.Count > 0) throw new PromotionLogFormatException(errors);
        if (entries.Count == 0) throw new PromotionLogFormatException(["the file has a header but no rows"]);
        return entries;
    }

    public static void Write(TextWriter writer, IEnumerable<PromotionLogEntry> entries)
    {
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true);
        csv.WriteHeader(Columns);
        foreach (var e in entries)
            csv.WriteRecord([e.CustomerId, e.PromotionId, e.StockCode, e.Treated ? "1" : "0", e.SentDate.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)]);
    }

    private static bool? ParseTreated(string v) => v.ToLowerInvariant() switch
    {
        "1" or "true" or "yes" or "y" or "t" or "treatment" or "treated" => true,
        "0" or "false" or "no" or "n" or "c" or "control" => false,
        _ => null,
    };
}
