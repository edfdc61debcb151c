namespace RetailRec.Engine.Domain;

/// <summary>
/// Validation facts about a stored line. Flagged lines are kept (net revenue and return rates need
/// cancellations and returns); analytics decide per flag what counts as a "valid product line".
/// </summary>
[Flags]
public enum LineFlags
{
    None = 0,
    Cancellation = 1,      // invoice starts with "C"
    Return = 2,            // negative quantity
    MissingCustomer = 4,
    NonPositivePrice = 8,
    NonProduct = 16,       // POST, D, M, DOT, BANK CHARGES, AMAZONFEE, ...
    Duplicate = 32,        // exact repeat of an earlier line of the same file
}
