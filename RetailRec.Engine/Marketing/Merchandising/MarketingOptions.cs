using System.Text.Json.Serialization;
using RetailRec.Engine.Marketing.Segmentation;

namespace RetailRec.Engine.Marketing.Merchandising;

/// <summary>
/// Settings of the whole marketing + business run. Everything except the stock rows and the previous audit (which are
/// data, passed per run) is JSON-serialisable so the lead can store the options of each run next to its results.
/// </summary>
public sealed record MarketingOptions
{
    /// <summary>Null = <see cref="Features.RetailLog.DefaultAnalysisDate"/> (the day after the last invoice).</summary>
    public DateTime? AnalysisDate { get; init; }
    public SegmentationOptions Segmentation { get; init; } = new();
    public SellThroughOptions SellThrough { get; init; } = new();
    /// <summary>Strategies by segment; segments without one use <see cref="DefaultStrategies"/>.</summary>
    public IReadOnlyList<MerchandisingStrategy>? Strategies { get; init; }
    public bool GenerateStrategyItems { get; init; } = true;
    public TradeOffOptions TradeOff { get; init; } = new();

    [JsonIgnore] public IReadOnlyList<StockRecord>? Stock { get; init; }
    [JsonIgnore] public IReadOnlyList<StrategyAuditRow>? PreviousAudit { get; init; }
}

/// <summary>Everything the marketing and merchandising pages need, as records ready to store or export.</summary>
public sealed record MarketingResult(
    DateTime AnalysisDate,
    string Relevance,
    SegmentationResult Segmentation,
    SellThroughResult SellThrough,
    IReadOnlyList<MerchandisingStrategy> Strategies,
    IReadOnlyList<UserStrategyItem> StrategyItems,
    IReadOnlyList<StrategyAuditRow> Audit,
    TradeOffResult? TradeOff,
    IReadOnlyList<StageTiming> Timings,
    IReadOnlyList<string> Warnings);
