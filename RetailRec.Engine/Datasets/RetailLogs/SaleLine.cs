namespace RetailRec.Engine.Datasets.RetailLogs;

/// <summary>A valid product line (see docs/DEFINITIONS.md) with customer, item and basket as dense indexes.</summary>
public readonly record struct SaleLine(int Customer, int Item, int Basket, DateTime Time, int Quantity, double Price)
{
    public double Revenue => Quantity * Price;
}

/// <summary>A returned or cancelled line of a known customer and product: netted into monetary value.</summary>
public readonly record struct ReturnLine(int Customer, int Item, DateTime Time, int Quantity, double Price)
{
    /// <summary>Positive value of the goods returned.</summary>
    public double Value => Math.Abs(Quantity) * Price;
}

/// <summary>One invoice of one customer. A basket is one invoice; every line in it shares one timestamp.</summary>
public sealed record Basket(int Index, int Customer, string Invoice, DateTime Time, int[] Items, double Value);
