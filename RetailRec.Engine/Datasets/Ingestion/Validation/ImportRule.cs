using System.Text.Json.Serialization;
using RetailRec.Engine.Domain;

namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>A validation rule the report counts. All but <see cref="Unparseable"/> flag a kept row.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ImportRule>))]
public enum ImportRule
{
    Cancellation,
    Return,
    MissingCustomer,
    NonPositivePrice,
    NonProduct,
    Duplicate,
    Unparseable,
}

public static class ImportRules
{
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
        ImportRule.Unparseable => "Unparseable row (not imported)",
        _ => rule.ToString(),
    };
}
