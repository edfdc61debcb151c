namespace RetailRec.Engine.Marketing.Segmentation;

/// <summary>Names of the three ways a customer is segmented; used as the "scheme" column of profiles and top items.</summary>
public static class SegmentSchemes
{
    public const string Grid = "rf_grid";
    public const string Marketing = "marketing";
    public const string Cluster = "cluster";

    public static string ClusterName(int label) => label < 0 ? "Outlier" : $"Cluster {label + 1}";
}

/// <summary>One row of user_rfm / user_segments: a customer's scores and every segment it belongs to.</summary>
public sealed record CustomerSegment(int Customer, string CustomerId, RfmScores Scores, string GridSegment,
    string MarketingSegment, int Cluster, bool IsOutlier, double Pc1, double Pc2);

/// <summary>Size, value and mean RFM of one segment, with its recommended action text.</summary>
public sealed record SegmentProfile(string Scheme, string Segment, int Customers, double CustomerShare, double Revenue,
    double RevenueShare, double MeanRecency, double MeanFrequency, double MeanMonetary, string Action);

/// <summary>One row of segment_top_items: ranked by distinct buyers in the segment, then units, then item index.</summary>
public sealed record SegmentTopItem(string Scheme, string Segment, int Rank, int Item, string StockCode, string Description,
    int Buyers, long Units, double Revenue);
