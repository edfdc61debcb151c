namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>
/// Limits and defaults of the transaction-file ingestion (bind from configuration section "Ingestion").
/// The limits exist so that a hostile or broken upload is rejected with a message instead of exhausting memory or disk.
/// </summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>Largest accepted upload, counted on the bytes as uploaded (compressed for .gz / .xlsx). Default 500 MB.</summary>
    public long MaxUploadBytes { get; set; } = 500L * 1024 * 1024;

    /// <summary>Largest text a .csv.gz may inflate to (counted while reading, so a gzip bomb stops here). Default 2 GB.</summary>
    public long MaxDecompressedBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Largest total uncompressed size of all parts of an .xlsx (zip-bomb guard). Default 2 GB.</summary>
    public long MaxXlsxUncompressedBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Largest compression ratio of one .xlsx part bigger than 1 MB. Real sheets compress 5-30x. Default 200.</summary>
    public double MaxXlsxCompressionRatio { get; set; } = 200;

    /// <summary>Longest CSV record in bytes; guards against an unclosed quote swallowing the file. Default 1 MB.</summary>
    public int MaxRecordBytes { get; set; } = 1024 * 1024;

    /// <summary>Rows per batch handed to the caller / written to the database.</summary>
    public int BatchSize { get; set; } = 4_096;

    /// <summary>Sample line numbers kept per validation rule in the report.</summary>
    public int SamplesPerRule { get; set; } = 100;

    /// <summary>How slash dates (a/b/yyyy) are read. <see cref="SlashDateOrder.Auto"/> decides per file (see InvoiceDateParser).</summary>
    public SlashDateOrder DateOrder { get; set; } = SlashDateOrder.Auto;

    /// <summary>Order used when a whole file never shows an unambiguous slash date (the source retailer is British: day first).</summary>
    public SlashDateOrder AmbiguousDateFallback { get; set; } = SlashDateOrder.DayFirst;

    /// <summary>Rows held back while the slash-date order is still undecided; past this the fallback order is taken.</summary>
    public int MaxPendingAmbiguousRows { get; set; } = 100_000;

    /// <summary>Largest accepted |quantity| of one line; Online Retail's largest is 80,995. Default 1,000,000.</summary>
    public int MaxAbsQuantity { get; set; } = 1_000_000;

    /// <summary>Largest accepted |unit price|; Online Retail's largest (a manual adjustment) is 38,970. Default 100,000.</summary>
    public double MaxAbsPrice { get; set; } = 100_000;

    /// <summary>Dates after this are implausible (flagged). Null: two days after the import's UTC date (time zones).</summary>
    public DateTime? LatestPlausibleDate { get; set; }

    /// <summary>Bytes inspected at the start of a file to detect format, encoding and delimiter.</summary>
    public int SniffBytes { get; set; } = 64 * 1024;
}

/// <summary>Order of day and month in dates written a/b/yyyy.</summary>
public enum SlashDateOrder { Auto, DayFirst, MonthFirst }
