using RetailRec.Engine.Marketing.Merchandising;
using RetailRec.Engine.Export;
using RetailRec.Engine.Marketing.Segmentation;

namespace RetailRec.Engine.Marketing.Runs;

/// <summary>Column layouts of the six marketing/merchandising exports (file names in <see cref="FileNames"/>).</summary>
public static class MarketingExports
{
    public static class FileNames
    {
        public const string UserRfm = "user_rfm.csv";
        public const string UserSegments = "user_segments.csv";
        public const string SegmentTopItems = "segment_top_items.csv";
        public const string ItemSellThrough = "item_sellthrough.csv";
        public const string UserStrategyItems = "user_strategy_items.csv";
        public const string StrategySellThroughMix = "strategy_sellthrough_mix.csv";
    }

    /// <summary>A customer's features joined with its scores (same row order as the segmentation result).</summary>
    public sealed record RfmRow(CustomerFeatures Features, RfmScores Scores);

    public static IReadOnlyList<RfmRow> RfmRows(SegmentationResult s) =>
        s.Customers.Select((c, i) => new RfmRow(c, s.Segments[i].Scores)).ToList();

    public static readonly CsvColumn<RfmRow>[] UserRfm =
    [
        new("customer_id", r => r.Features.CustomerId),
        new("recency_days", r => r.Features.RecencyDays),
        new("frequency", r => r.Features.Frequency),
        new("monetary", r => r.Features.Monetary),
        new("sales_value", r => r.Features.SalesValue),
        new("return_value", r => r.Features.ReturnValue),
        new("return_rate", r => r.Features.ReturnRate),
        new("avg_basket_items", r => r.Features.AvgBasketItems),
        new("avg_basket_units", r => r.Features.AvgBasketUnits),
        new("avg_basket_value", r => r.Features.AvgBasketValue),
        new("distinct_items", r => r.Features.DistinctItems),
        new("weekend_share", r => r.Features.WeekendShare),
        new("tenure_days", r => r.Features.TenureDays),
        new("r_score", r => r.Scores.R),
        new("f_score", r => r.Scores.F),
        new("m_score", r => r.Scores.M),
        new("rfm_code", r => r.Scores.RfmCode),
    ];

    public static readonly CsvColumn<CustomerSegment>[] UserSegments =
    [
        new("customer_id", s => s.CustomerId),
        new("rf_code", s => s.Scores.RfCode),
        new("grid_segment", s => s.GridSegment),
        new("marketing_segment", s => s.MarketingSegment),
        new("cluster", s => s.Cluster < 0 ? null : s.Cluster + 1),
        new("is_outlier", s => s.IsOutlier),
        new("pc1", s => s.Pc1),
        new("pc2", s => s.Pc2),
    ];

    public static readonly CsvColumn<SegmentTopItem>[] SegmentTopItems =
    [
        new("scheme", t => t.Scheme),
        new("segment", t => t.Segment),
        new("rank", t => t.Rank),
        new("stock_code", t => t.StockCode),
        new("description", t => t.Description),
        new("buyers", t => t.Buyers),
        new("units", t => t.Units),
        new("revenue", t => t.Revenue),
    ];

    public static readonly CsvColumn<ItemSellThrough>[] ItemSellThrough =
    [
        new("stock_code", i => i.StockCode),
        new("description", i => i.Description),
        new("units_sold", i => i.UnitsSold),
        new("orders", i => i.Orders),
        new("distinct_buyers", i => i.DistinctBuyers),
        new("daily_velocity", i => i.DailyVelocity),
        new("days_since_last_sale", i => i.DaysSinceLastSale),
        new("previous_units_sold", i => i.PreviousUnitsSold),
        new("trend", i => i.Trend),
        new("class", i => i.Class),
        new("is_new", i => i.IsNew),
        new("never_sold", i => i.NeverSold),
        new("on_hand", i => i.OnHand),
        new("sell_through_pct", i => i.SellThroughPct),
        new("weeks_of_cover", i => i.WeeksOfCover),
        new("received_units", i => i.ReceivedUnits),
        new("received_date", i => i.ReceivedDate),
    ];

    public static readonly CsvColumn<UserStrategyItem>[] UserStrategyItems =
    [
        new("customer_id", i => i.CustomerId),
        new("segment", i => i.Segment),
        new("strategy", i => i.Strategy),
        new("rank", i => i.Rank),
        new("stock_code", i => i.StockCode),
        new("description", i => i.Description),
        new("source", i => i.Source),
        new("class", i => i.Class),
        new("score", i => i.Score),
    ];

    public static readonly CsvColumn<StrategyAuditRow>[] StrategySellThroughMix =
    [
        new("strategy", a => a.Strategy),
        new("segment", a => a.Segment),
        new("customers", a => a.Customers),
        new("slots", a => a.Slots),
        new("fast_items", a => a.FastItems),
        new("slow_items", a => a.SlowItems),
        new("dead_items", a => a.DeadItems),
        new("fast_share", a => a.FastShare),
        new("slow_share", a => a.SlowShare),
        new("dead_share", a => a.DeadShare),
        new("min_slow_share", a => a.MinSlowShare),
        new("max_slow_share", a => a.MaxSlowShare),
        new("allow_dead", a => a.AllowDead),
        new("lists_out_of_band", a => a.ListsOutOfBand),
        new("short_lists", a => a.ShortLists),
        new("drift", a => a.Drift),
        new("delta_fast_share", a => a.DeltaFastShare),
        new("delta_slow_share", a => a.DeltaSlowShare),
        new("delta_dead_share", a => a.DeltaDeadShare),
    ];

    /// <summary>Writes all six files of a pipeline result into <paramref name="directory"/>; returns their paths.</summary>
    public static IReadOnlyList<string> WriteAll(MarketingResult result, string directory)
    {
        Directory.CreateDirectory(directory);
        string P(string name) => Path.Combine(directory, name);
        CsvTableWriter.Write(P(FileNames.UserRfm), RfmRows(result.Segmentation), UserRfm);
        CsvTableWriter.Write(P(FileNames.UserSegments), result.Segmentation.Segments, UserSegments);
        CsvTableWriter.Write(P(FileNames.SegmentTopItems), result.Segmentation.TopItems, SegmentTopItems);
        CsvTableWriter.Write(P(FileNames.ItemSellThrough), result.SellThrough.Items, ItemSellThrough);
        CsvTableWriter.Write(P(FileNames.UserStrategyItems), result.StrategyItems, UserStrategyItems);
        CsvTableWriter.Write(P(FileNames.StrategySellThroughMix), result.Audit, StrategySellThroughMix);
        return [P(FileNames.UserRfm), P(FileNames.UserSegments), P(FileNames.SegmentTopItems), P(FileNames.ItemSellThrough),
            P(FileNames.UserStrategyItems), P(FileNames.StrategySellThroughMix)];
    }
}
