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
    ZeroQuantity = 64,     // quantity 0: neither a sale nor a return
    SignMismatch = 128,    // positive quantity on a C invoice, or negative quantity on a normal invoice
    InvoiceMismatch = 256, // disagrees with the invoice's first line on customer, date or country
    UnmatchedCancellation = 512, // cancels an item no earlier line sold
    ImplausibleDate = 1024,      // before 1900, 1970-01-01 (an epoch placeholder) or in the future: outside every date range
}
