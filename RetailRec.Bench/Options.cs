namespace RetailRec.Bench;

public static class Options
{
    public static string Str(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    public static int Int(string[] args, string name, int fallback) =>
        int.TryParse(Str(args, name, ""), out var v) ? v : fallback;
}

public static class BenchPaths
{
    /// <summary>../shared/datasets/online_retail_I.csv.gz next to the repository root.</summary>
    public static string DefaultDataset() =>
        Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "datasets", "online_retail_I.csv.gz"));

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RetailRec.sln"))) dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}

/// <summary>Median of repeated measurements, the figure every suite reports.</summary>
public static class Stats
{
    public static double Median(IEnumerable<double> xs)
    {
        var a = xs.OrderBy(x => x).ToArray();
        if (a.Length == 0) return double.NaN;
        return a.Length % 2 == 1 ? a[a.Length / 2] : (a[a.Length / 2 - 1] + a[a.Length / 2]) / 2;
    }

    public static double Percentile(IEnumerable<double> xs, double p)
    {
        var a = xs.OrderBy(x => x).ToArray();
        if (a.Length == 0) return double.NaN;
        var rank = Math.Clamp((int)Math.Ceiling(p / 100 * a.Length) - 1, 0, a.Length - 1);
        return a[rank];
    }
}
