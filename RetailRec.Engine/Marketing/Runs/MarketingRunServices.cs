using Microsoft.Extensions.DependencyInjection;
using RetailRec.Engine.Datasets;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Recommendations.Runs;

namespace RetailRec.Engine.Marketing.Runs;

public static class MarketingRunServices
{
    /// <summary>Marketing: the analysis job, its settings store and launcher, the after-import run and its clean-up.</summary>
    public static IServiceCollection AddMarketing(this IServiceCollection services)
    {
        services.AddOptions<MarketingRunOptions>().BindConfiguration(MarketingRunOptions.Section);
        services.AddSingleton<MarketingSettingsStore>();
        services.AddSingleton<MarketingRunLauncher>();
        services.AddSingleton<MarketingRunReader>();
        services.AddSingleton<ICustomerSegmentSource>(sp => sp.GetRequiredService<MarketingRunReader>());
        services.AddSingleton<IImportFollowUp>(sp => sp.GetRequiredService<MarketingRunLauncher>());
        services.AddSingleton<IDatasetCleanup, MarketingCleanup>();
        services.AddJob<MarketingJobHandler>();
        return services;
    }
}

/// <summary>A deleted dataset's marketing settings, stock files and cached segment snapshots.</summary>
internal sealed class MarketingCleanup(MarketingSettingsStore settings, MarketingRunReader reader) : IDatasetCleanup
{
    public IReadOnlyList<string> Remove(DeletedDataset dataset)
    {
        reader.Forget(dataset.RunIds);
        var failed = new List<string>();
        foreach (var path in settings.FilesOf(dataset.Id)) CleanupFiles.Delete(path, failed);
        return failed;
    }
}
