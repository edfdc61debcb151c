using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RetailRec.Engine.Jobs;

namespace RetailRec.Engine.RecommendationRuns;

public static class RecommendationRunServices
{
    /// <summary>
    /// Evaluation and recommendation-training jobs, the serving service and the after-import trigger.
    /// </summary>
    public static IServiceCollection AddRecommendationRuns(this IServiceCollection services, string databasePath)
    {
        // Exports share the marketing runs' folder settings (registered by AddMarketingRuns with the same fallback).
        services.AddOptions<RecommendationRunOptions>();
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
