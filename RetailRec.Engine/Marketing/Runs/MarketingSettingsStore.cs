using System.Text.Json;
using RetailRec.Engine.Marketing.Merchandising;
using RetailRec.Engine.Storage;

namespace RetailRec.Engine.Marketing.Runs;

/// <summary>
/// What the user has edited for one dataset's marketing analysis: strategies, segment action texts, run settings
/// and the uploaded stock file. Null strategies mean "the shipped defaults".
/// </summary>
public sealed record MarketingSettings
{
    public IReadOnlyList<MerchandisingStrategy>? Strategies { get; init; }
    public IReadOnlyDictionary<string, string> Actions { get; init; } = new Dictionary<string, string>();
    public DateTime? AnalysisDate { get; init; }
    public int WindowDays { get; init; } = 30;
    public StockFileSetting? Stock { get; init; }
}

/// <summary>An uploaded stock file waiting to be used by the next run, with what parsing it found.</summary>
public sealed record StockFileSetting(string Path, string FileName, DateTime UploadedAtUtc, int Rows, int IssueCount,
    IReadOnlyList<StockFileIssue> Issues);

/// <summary>
/// Keeps <see cref="MarketingSettings"/> as one small JSON file per dataset under the data folder. A file rather than
/// a table: it is a handful of user edits, read on page load and written on save, and needs no migration.
/// </summary>
public sealed class MarketingSettingsStore(DataPaths paths)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly Lock _gate = new();

    /// <summary>Uploaded stock files: dataset-&lt;id&gt;-&lt;time&gt;.csv.</summary>
    public string StockFolder => paths.Feature("stock");

    /// <summary>Raised after a save, with the dataset id, so other open pages pick up the edit.</summary>
    public event Action<int>? Changed;

    public MarketingSettings Get(int datasetId)
    {
        var path = PathOf(datasetId);
        lock (_gate)
        {
            if (!File.Exists(path)) return new MarketingSettings();
            try { return JsonSerializer.Deserialize<MarketingSettings>(File.ReadAllText(path), Json) ?? new MarketingSettings(); }
            catch (JsonException) { return new MarketingSettings(); } // a hand-damaged file must not break the pages
        }
    }

    public void Save(int datasetId, MarketingSettings settings)
    {
        var path = PathOf(datasetId);
        lock (_gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var tmp = path + ".tmp";
            File.WriteAllText(tmp, JsonSerializer.Serialize(settings, Json));
            File.Move(tmp, path, overwrite: true);
        }
        Changed?.Invoke(datasetId);
    }

    public MarketingSettings Update(int datasetId, Func<MarketingSettings, MarketingSettings> change)
    {
        var next = change(Get(datasetId));
        Save(datasetId, next);
        return next;
    }

    /// <summary>Reads an uploaded stock file, keeps it under the data folder and records it for the next run.</summary>
    public async Task<StockFileSetting> SaveStockFileAsync(int datasetId, Stream content, string fileName, CancellationToken ct = default)
    {
        var folder = StockFolder;
        Directory.CreateDirectory(folder);
        // The server picks the name: the client's file name is only shown, never used as a path.
        var path = Path.Combine(folder, $"dataset-{datasetId}-{DateTime.UtcNow:yyyyMMddHHmmssfff}.csv");
        await using (var file = File.Create(path)) await content.CopyToAsync(file, ct);
        var parsed = StockFileReader.Read(path);
        var setting = new StockFileSetting(path, System.IO.Path.GetFileName(fileName), DateTime.UtcNow, parsed.Rows.Count, parsed.Issues.Count,
            parsed.Issues.Take(50).ToList());
        var old = Get(datasetId).Stock;
        Update(datasetId, s => s with { Stock = setting });
        if (old is not null && old.Path != path) TryDelete(old.Path);
        return setting;
    }

    public void RemoveStockFile(int datasetId)
    {
        var old = Get(datasetId).Stock;
        Update(datasetId, s => s with { Stock = null });
        if (old is not null) TryDelete(old.Path);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { /* still open somewhere: a stray file is harmless */ }
    }

    private string PathOf(int datasetId) => Path.Combine(paths.Feature("marketing"), $"dataset-{datasetId}.json");

    /// <summary>A deleted dataset's settings file and every stock file uploaded for it.</summary>
    internal IEnumerable<string> FilesOf(int datasetId) =>
        Directory.Exists(StockFolder)
            ? Directory.EnumerateFiles(StockFolder, $"dataset-{datasetId}-*.csv").Append(PathOf(datasetId))
            : [PathOf(datasetId)];
}
