namespace RetailRec.Engine.Storage;

/// <summary>
/// Resolved storage locations (from <see cref="StorageOptions"/>): the one place every feature asks where its files go,
/// so a dataset's files can all be found again when it is deleted.
/// </summary>
public sealed record DataPaths(string DataDirectory, string DatabasePath)
{
    /// <summary>Uploaded files wait here until their import job has run (so an interrupted import can be re-run).</summary>
    public string Uploads => Path.Combine(DataDirectory, "uploads");

    /// <summary>Root of the files runs write (CSV exports, split files): run-&lt;id&gt;/ per run.</summary>
    public string Exports => Path.Combine(DataDirectory, "exports");

    public string RunFiles(int runId) => Path.Combine(Exports, $"run-{runId}");

    /// <summary>A feature's own folder under the data folder, e.g. "marketing", "stock", "promotions", "models".</summary>
    public string Feature(string name) => Path.Combine(DataDirectory, name);

    /// <summary>Paths for a database file in a folder of its own (tests, benches, the demo command).</summary>
    public static DataPaths ForDatabase(string databasePath) =>
        new(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, Path.GetFullPath(databasePath));
}
