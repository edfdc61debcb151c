using System.Text.Json.Serialization;
using RetailRec.Engine.Domain;

namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>
/// A validation rule the report counts. The rules up to <see cref="ImplausibleDate"/> flag a kept row; the text
/// warnings (<see cref="InvalidText"/>, <see cref="ControlCharacters"/>, <see cref="LongText"/>) count kept rows whose
/// value was repaired; <see cref="Unparseable"/> counts the lines that were not imported.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ImportRule>))]
public enum ImportRule
{
    Cancellation,
    Return,
    MissingCustomer,
    NonPositivePrice,
    NonProduct,
    Duplicate,
    ZeroQuantity,
    SignMismatch,
    InvoiceMismatch,
    UnmatchedCancellation,
    ImplausibleDate,
    // Warnings: the row is kept and a value was repaired; the sample names the column.
    InvalidText,
    ControlCharacters,
    LongText,
    Unparseable,
}

public static class ImportRules
{
    /// <summary>The rules that only warn (the value was repaired and the row kept as is otherwise).</summary>
    public static bool IsWarning(ImportRule rule) => rule is ImportRule.InvalidText or ImportRule.ControlCharacters or ImportRule.LongText;

    public static IReadOnlyList<ImportRule> All { get; } = Enum.GetValues<ImportRule>();

    /// <summary>The stored flag of a rule (None for <see cref="ImportRule.Unparseable"/>: those rows are not stored).</summary>
    public static LineFlags Flag(ImportRule rule) => rule switch
    {
        ImportRule.Cancellation => LineFlags.Cancellation,
        ImportRule.Return => LineFlags.Return,
        ImportRule.MissingCustomer => LineFlags.MissingCustomer,
        ImportRule.NonPositivePrice => LineFlags.NonPositivePrice,
        ImportRule.NonProduct => LineFlags.NonProduct,
        ImportRule.Duplicate => LineFlags.Duplicate,
        ImportRule.ZeroQuantity => LineFlags.ZeroQuantity,
        ImportRule.SignMismatch => LineFlags.SignMismatch,
        ImportRule.InvoiceMismatch => LineFlags.InvoiceMismatch,
        ImportRule.UnmatchedCancellation => LineFlags.UnmatchedCancellation,
        ImportRule.ImplausibleDate => LineFlags.ImplausibleDate,
        _ => LineFlags.None,
    };

    public static string Describe(ImportRule rule) => rule switch
    {
        ImportRule.Cancellation => "Cancellation: invoice number starts with C (kept, flagged)",
        ImportRule.Return => "Return: negative quantity (kept, flagged)",
        ImportRule.MissingCustomer => "Missing customer id (kept, flagged; excluded from customer analyses)",
        ImportRule.NonPositivePrice => "Zero or negative price (kept, flagged)",
        ImportRule.NonProduct => "Non-product stock code such as POST, DOT, M, BANK CHARGES, gift vouchers (kept, flagged)",
        ImportRule.Duplicate => "Exact duplicate of an earlier line (kept, flagged)",
        ImportRule.ZeroQuantity => "Quantity 0: neither a sale nor a return (kept, flagged; never counted as a purchase)",
        ImportRule.SignMismatch => "Positive quantity on a C (cancellation) invoice, or negative quantity on a normal invoice (kept, flagged; never counted as a purchase)",
        ImportRule.InvoiceMismatch => "Lines of one invoice disagree on customer, date or country (kept, flagged)",
        ImportRule.UnmatchedCancellation => "Cancellation of an item that no earlier line sold (kept, flagged)",
        ImportRule.ImplausibleDate => "Date cannot be right for this data: before 1900, 1970-01-01 (an epoch placeholder) or in the future (kept, flagged; outside the dataset's date range and every analysis)",
        ImportRule.InvalidText => "Invalid UTF-8 byte sequence, kept as the replacement character � (warning)",
        ImportRule.ControlCharacters => "Control characters (NUL and others) or invisible characters (zero-width, BOM) removed from a value (warning)",
        ImportRule.LongText => $"Description over {TextLimits.MaxDescriptionChars:N0} or country over {TextLimits.MaxCountryChars} characters, truncated (warning)",
        ImportRule.Unparseable => "Line not imported: a value that cannot be read exactly, an impossible value or a row that does not match the header",
        _ => rule.ToString(),
    };
}
