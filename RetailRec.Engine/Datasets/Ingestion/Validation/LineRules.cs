using RetailRec.Engine.Domain;

namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>The per-line validation rules that flag a kept row (duplicates are found by <see cref="DuplicateDetector"/>).</summary>
public static class LineRules
{
    public static LineFlags FlagsOf(string invoice, string stockCode, int quantity, double price, string? customerId)
    {
        var flags = LineFlags.None;
        if (invoice.Length > 0 && (invoice[0] == 'C' || invoice[0] == 'c')) flags |= LineFlags.Cancellation;
        if (quantity < 0) flags |= LineFlags.Return;
        if (string.IsNullOrEmpty(customerId)) flags |= LineFlags.MissingCustomer;
        if (price <= 0) flags |= LineFlags.NonPositivePrice;
        if (NonProductCodes.IsNonProduct(stockCode)) flags |= LineFlags.NonProduct;
        return flags;
    }
}
