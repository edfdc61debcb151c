using RetailRec.Engine.Domain;

namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>The per-line validation rules that flag a kept row (duplicates are found by <see cref="DuplicateDetector"/>).</summary>
public static class LineRules
{
    public static LineFlags FlagsOf(string invoice, string stockCode, int quantity, double price, string? customerId) =>
        FlagsOf(invoice, quantity, price, customerId, NonProductCodes.IsNonProduct(stockCode));

    /// <summary>
    /// The flags of one line. Zero quantity and a quantity whose sign contradicts the invoice (positive on a C invoice,
    /// negative on a normal one) are flagged: neither is ever counted as a purchase.
    /// </summary>
    public static LineFlags FlagsOf(string invoice, int quantity, double price, string? customerId, bool nonProduct)
    {
        var flags = LineFlags.None;
        if (invoice.Length > 0 && (invoice[0] == 'C' || invoice[0] == 'c')) flags |= LineFlags.Cancellation;
        if (quantity < 0) flags |= LineFlags.Return;
        if (string.IsNullOrEmpty(customerId)) flags |= LineFlags.MissingCustomer;
        if (price <= 0) flags |= LineFlags.NonPositivePrice;
        if (nonProduct) flags |= LineFlags.NonProduct;
        if (quantity == 0) flags |= LineFlags.ZeroQuantity;
        else if ((flags & LineFlags.Cancellation) != 0 == quantity > 0) flags |= LineFlags.SignMismatch;
        return flags;
    }
}
