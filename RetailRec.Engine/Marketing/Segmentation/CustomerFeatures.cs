namespace RetailRec.Engine.Marketing.Segmentation;

/// <summary>
/// RFM and behavioural features of one customer at an analysis date (docs/DEFINITIONS.md).
/// Money is in the dataset's currency; days are whole calendar days.
/// </summary>
public sealed record CustomerFeatures(
    int Customer,
    string CustomerId,
    int RecencyDays,
    int Frequency,
    double Monetary,
    double SalesValue,
    double ReturnValue,
    double ReturnRate,
    double AvgBasketItems,
    double AvgBasketUnits,
    double AvgBasketValue,
    int DistinctItems,
    double WeekendShare,
    int TenureDays);
