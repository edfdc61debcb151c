using RetailRec.Engine.Marketing.Merchandising;
using RetailRec.Engine.Runs;

namespace RetailRec.Engine.Marketing.Runs;

/// <summary>
/// What a marketing job runs with. Null fields fall back to the dataset's saved settings (see
/// <see cref="MarketingSettingsStore"/>), then to the engine defaults; the UI passes them explicitly so that
/// "Re-run" on the Jobs page repeats exactly the same analysis. <see cref="StockFileName"/> is the name the user uploaded
/// (the server stores the file under its own name).
/// </summary>
public sealed record MarketingJobParameters(
    int DatasetId,
    DateTime? AnalysisDate = null,
    int? WindowDays = null,
    IReadOnlyList<MerchandisingStrategy>? Strategies = null,
    string? StockFilePath = null,
    string? Label = null,
    string? StockFileName = null) : IDatasetJobParameters;

/// <summary>The job's stored result.</summary>
public sealed record MarketingJobResult(int RunId, int DatasetId, string ExportDirectory, IReadOnlyList<string> Warnings);
