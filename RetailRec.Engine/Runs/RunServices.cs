using Microsoft.Extensions.DependencyInjection;
using RetailRec.Engine.Datasets;
using RetailRec.Engine.Storage;

namespace RetailRec.Engine.Runs;

public static class RunServices
{
    /// <summary>The run store every analysis feature saves to and reads from.</summary>
    public static IServiceCollection AddRuns(this IServiceCollection services)
    {
        services.AddSingleton<RunStore>();
        services.AddSingleton<IDatasetCleanup, RunFilesCleanup>();
        return services;
    }
}

/// <summary>A deleted dataset's runs: their cached artifacts and their files (run-&lt;id&gt;/ exports and split files).</summary>
internal sealed class RunFilesCleanup(RunStore runs, DataPaths paths) : IDatasetCleanup
{
    public IReadOnlyList<string> Remove(DeletedDataset dataset)
    {
        runs.Forget(dataset.RunIds);
        var failed = new List<string>();
        foreach (var id in dataset.RunIds) CleanupFiles.Delete(paths.RunFiles(id), failed);
        return failed;
    }
}
