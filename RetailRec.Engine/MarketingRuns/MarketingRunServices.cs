using Microsoft.Extensions.DependencyInjection;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Jobs.Handlers;

namespace RetailRec.Engine.MarketingRuns;

public static class MarketingRunServices
{
    /// <summary>
    /// The marketing job, its settings store and launcher. Files default to the database's folder; the web app points
    /// them at its data folder by configuring <see cref="MarketingRunOptions"/>.
    /// </summary>
    public static IServiceCollection AddMarketingRuns(this IServiceCollection services, string databasePath)
    {
        var fallback = Path.GetDirectoryName(Path.GetFullPath(databasePath))!;
        services.AddOptions<MarketingRunOptions>().PostConfigure(o => { if (string.IsNullOrEmpty(o.DataDirectory)) o.DataDirectory = fallback; });
        services.AddSingleton<MarketingSettingsStore>();
        services.AddSingleton<MarketingRunLauncher>();
        services.AddScoped<IJobHandler, MarketingJobHandler>();
        return services;
    }
}
