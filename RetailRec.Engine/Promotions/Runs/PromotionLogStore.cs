using System.Security.Cryptography;
using RetailRec.Engine.Storage;
using RetailRec.Engine.Promotions.Uplift;

namespace RetailRec.Engine.Promotions.Runs;

/// <summary>What the page shows about a dataset's promotion log.</summary>
public sealed record PromotionLogInfo(string Path, string Source, int Rows, DateTime SavedAtUtc);

/// <summary>
/// Promotion logs live under the data folder as promotions/&lt;content hash of the dataset&gt;.csv (plus a .source.txt
/// caption), so a log belongs to exactly one dataset's data and survives a rename. The demo seeder writes the demo
/// shop's log here at seeding time; the Campaigns page saves uploaded logs here after validating them.
/// </summary>
public sealed class PromotionLogStore(DataPaths paths)
{
    public const long MaxUploadBytes = 64L * 1024 * 1024;

    public string Folder => paths.Feature("promotions");

    public string PathFor(string contentHash) =>
        Path.Combine(Folder, string.Concat(contentHash.Where(char.IsAsciiLetterOrDigit)) + ".csv");

    public PromotionLogInfo? Find(DatasetEntity dataset)
    {
        var path = PathFor(dataset.ContentHash);
        if (!File.Exists(path)) return null;
        var caption = path + ".source.txt";
        var source = File.Exists(caption) ? File.ReadAllText(caption).Trim() : "promotion log";
        var rows = Math.Max(0, File.ReadLines(path).Count() - 1);
        return new PromotionLogInfo(path, source, rows, File.GetLastWriteTimeUtc(path));
    }

    /// <summary>Validates an uploaded log (throws <see cref="PromotionLogFormatException"/> with line numbers) and stores it.</summary>
    public async Task<int> SaveUploadAsync(DatasetEntity dataset, Stream content, string fileName, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        IReadOnlyList<PromotionLogEntry> entries;
        using (var reader = new StreamReader(buffer, leaveOpen: true)) entries = PromotionLogCsv.Read(reader);
        Save(dataset.ContentHash, entries, $"uploaded file {Path.GetFileName(fileName)}");
        return entries.Count;
    }

    public void Save(string contentHash, IEnumerable<PromotionLogEntry> entries, string source)
    {
        Directory.CreateDirectory(Folder);
        var path = PathFor(contentHash);
        var tmp = path + ".tmp";
        using (var writer = new StreamWriter(tmp, false, new System.Text.UTF8Encoding(false))) PromotionLogCsv.Write(writer, entries);
        File.Move(tmp, path, overwrite: true);
        File.WriteAllText(path + ".source.txt", source);
    }

    /// <summary>The log and its caption for a dataset's content hash (what deleting the dataset removes).</summary>
    public IReadOnlyList<string> FilesOf(string contentHash) => [PathFor(contentHash), PathFor(contentHash) + ".source.txt"];

    /// <summary>The content hash the importer will give this file (sha256 of its bytes, lower-case hex).</summary>
    public static string HashOfFile(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }
}
