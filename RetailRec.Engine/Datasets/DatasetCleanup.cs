namespace RetailRec.Engine.Datasets;

/// <summary>What was deleted: the dataset and the ids of its runs and jobs, so each feature can find its files and cache entries.</summary>
public sealed record DeletedDataset(int Id, string Name, string ContentHash, IReadOnlyList<int> RunIds, IReadOnlyList<int> JobIds);

/// <summary>
/// A feature's part of "delete means gone": it removes the files, cache entries and live models it keeps for a dataset.
/// Registered by each feature; called after the database rows are gone, so it must not need them.
/// </summary>
public interface IDatasetCleanup
{
    /// <summary>Removes what this feature keeps for the dataset; returns the paths it could not remove (they are logged).</summary>
    IReadOnlyList<string> Remove(DeletedDataset dataset);
}

/// <summary>Deletes files and folders, collecting those that could not be removed instead of stopping at the first.</summary>
public static class CleanupFiles
{
    public static void Delete(string path, ICollection<string> failed)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            else if (File.Exists(path)) File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            failed.Add($"{path} ({ex.Message})");
        }
    }
}
