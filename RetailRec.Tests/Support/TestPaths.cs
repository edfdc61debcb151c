namespace RetailRec.Tests.Support;

/// <summary>Locates the repository root and the shared real dataset (../shared/datasets next to the repo).</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string RealDataset => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "datasets", "online_retail_I.csv.gz"));

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RetailRec.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("RetailRec.sln not found above " + AppContext.BaseDirectory);
    }
}
