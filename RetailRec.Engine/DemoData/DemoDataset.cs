using RetailRec.Engine.Domain;

namespace RetailRec.Engine.DemoData;

/// <summary>
/// The generated demo data: the transaction records in file order (what gets imported or written as CSV) plus
/// the ground truth behind them (tiers, themes, launches, dead items) for tests and documentation.
/// </summary>
public sealed record DemoDataset(
    DemoDataOptions Options,
    IReadOnlyList<TransactionRecord> Records,
    IReadOnlyList<DemoProduct> Products,
    IReadOnlyList<DemoTheme> Themes,
    IReadOnlyList<DemoCustomer> Customers);
