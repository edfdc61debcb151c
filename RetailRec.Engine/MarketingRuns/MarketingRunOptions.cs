namespace RetailRec.Engine.MarketingRuns;

/// <summary>
/// Where marketing runs keep their files. The Engine must not know the web app's paths, so the host sets
/// <see cref="DataDirectory"/> (and optionally <see cref="ExportsDirectory"/>); without a host setting the folder
/// of the SQLite file is used. Bound from "RetailRec:Marketing" for <see cref="AutoRunAfterImport"/>.
/// </summary>
public sealed class MarketingRunOptions
{
    public const string Section = "RetailRec:Marketing";

    public string DataDirectory { get; set; } = "";

    /// <summary>Root of the CSV exports; each run writes into run-&lt;id&gt;/ below it. Default: DataDirectory/exports.</summary>
    public string? ExportsDirectory { get; set; }

    /// <summary>Queue a marketing run after every successful import, so the pages are populated without a click.</summary>
    public bool AutoRunAfterImport { get; set; } = true;

    public string ExportsRoot => ExportsDirectory is { Length: > 0 } e ? e : Path.Combine(DataDirectory, "exports");
    public string SettingsRoot => Path.Combine(DataDirectory, "marketing");
    public string StockRoot => Path.Combine(DataDirectory, "stock");

    public string RunExportDirectory(int runId) => Path.Combine(ExportsRoot, $"run-{runId}");
}
