using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RetailRec.Engine.Jobs;

namespace RetailRec.Engine.RecommendationRuns;

public static class RecommendationRunServices
{
    /// <summary>
    /// Evaluation and recommendation-training jobs, the serving service and the after-import trigger. Exports default
    /// to the database's folder; the web app points them at its exports folder via <see cref="RecommendationRunOptions"/>.
    /// </summary>
    public static IServiceCollection AddRecommendationRuns(this IServiceCollection services, string databasePath)
    {
        var fallback = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, "exports");
        services.AddOptions<RecommendationRunOptions>().PostConfigure(o => { if (string.IsNullOrEmpty(o.ExportsDirectory)) o.ExportsDirectory = fallback; });
        services.AddSingleton<MarketingRunReader>();
        services.AddSingleton<LiveModels>();
        services.AddSingleton<RecommendationService>();
        services.AddSingleton<RecommendationJobs>();
        services.AddScoped<IJobHandler, EvaluationJobHandler>();
        services.AddScoped<IJobHandler, RecommendTrainJobHandler>();
        services.AddSingleton<IHostedService, TrainAfterImport>();
        return services;
    }
}
