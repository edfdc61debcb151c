using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Marketing.Segmentation;

/// <summary>
/// Hand-made logs for the marketing tests. 2011-01-01 was a Saturday, so 01-08 is a Saturday and 01-03 a Monday.
/// A: 001 on Mon 01-03 (X 2 x 3.0, Y 1 x 4.0 = 10.0), 002 on Sat 01-08 (X 1 x 3.0), returns Y (4.0) on 01-07.
/// B: 004 on Wed 01-05 (Z 10 x 1.0). D: 006 on Wed 01-05 (X 2 x 1.0). C only returns, so has no RFM row.
/// The last invoice is 01-08, so the default analysis date is 01-09.
/// </summary>
public static class SegmentFixtures
{
    public static RetailLog ThreeCustomers() => RetailLogBuilder.Build(
    [
        Records.Sale("A", "001", "X", "2011-01-03 10:00", qty: 2, price: 3),
        Records.Sale("A", "001", "Y", "2011-01-03 10:00", qty: 1, price: 4),
        Records.Sale("A", "002", "X", "2011-01-08 11:00", qty: 1, price: 3),
        Records.Return("A", "C003", "Y", "2011-01-07 09:00", qty: -1, price: 4),
        Records.Sale("B", "004", "Z", "2011-01-05 12:00", qty: 10, price: 1),
        Records.Return("C", "C005", "X", "2011-01-06 09:00", qty: -1, price: 3),
        Records.Sale("D", "006", "X", "2011-01-05 13:00", qty: 2, price: 1),
    ]);

    public static RetailLog TwoCustomers() => RetailLogBuilder.Build(
    [
        Records.Sale("A", "001", "X", "2011-01-03 10:00", qty: 2, price: 3),
        Records.Sale("A", "002", "X", "2011-01-08 11:00", qty: 1, price: 3),
        Records.Sale("B", "004", "Z", "2011-01-05 12:00", qty: 1, price: 1),
    ]);

    public static RetailLog OneCustomer() => RetailLogBuilder.Build(
    [
        Records.Sale("A", "001", "X", "2011-01-03 10:00", qty: 2, price: 3),
    ]);
}
