namespace RetailRec.Engine.Marketing.Runs;

/// <summary>Settings of the marketing runs ("RetailRec:Marketing"). Where files go is <see cref="Storage.DataPaths"/>'s business.</summary>
public sealed class MarketingRunOptions
{
    public const string Section = "RetailRec:Marketing";

    /// <summary>Queue a marketing run after every successful import, so the pages are populated without a click.</summary>
    public bool AutoRunAfterImport { get; set; } = true;
}
