namespace RetailRec.Engine.Storage;

/// <summary>Where RetailRec keeps its data. Bound from configuration section "RetailRec:Storage".</summary>
public sealed class StorageOptions
{
    public const string Section = "RetailRec:Storage";

    /// <summary>
    /// Folder for the database, uploads in flight and exports. Relative paths are resolved against the app's
    /// content root. Environment variable override: RETAILREC_DATA_DIR.
    /// </summary>
    public string DataDirectory { get; set; } = "App_Data";

    /// <summary>SQLite file; relative to <see cref="DataDirectory"/> unless absolute. Override: RETAILREC_DB.</summary>
    public string DatabasePath { get; set; } = "retailrec.db";

    public string ResolveDataDirectory(string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(DataDirectory) ? DataDirectory : Path.Combine(contentRoot, DataDirectory));

    public string ResolveDatabasePath(string contentRoot) =>
        Path.IsPathRooted(DatabasePath) ? DatabasePath : Path.Combine(ResolveDataDirectory(contentRoot), DatabasePath);

    public DataPaths Resolve(string contentRoot) => new(ResolveDataDirectory(contentRoot), ResolveDatabasePath(contentRoot));
}
