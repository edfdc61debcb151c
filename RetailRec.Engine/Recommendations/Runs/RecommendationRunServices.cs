using Microsoft.Extensions.DependencyInjection;
using RetailRec.Engine.Datasets;
using RetailRec.Engine.Jobs;

namespace RetailRec.Engine.Recommendations.Runs;

public static class RecommendationRunServices
{
    /// <summary>Recommendations: the evaluation and training jobs, serving (precomputed + live) and the after-import training.</summary>
    public static IServiceCollection AddRecommendations(this IServiceCollection services)
    {
        services.AddOptions<RecommendationRunOptions>().BindConfiguration(RecommendationRunOptions.Section);
        services.AddSingleton<LiveModels>();
        services.AddSingleton<RecommendationService>();
        services.AddSingleton<EvaluationRuns>();
        services.AddSingleton<IImportFollowUp, TrainAfterImport>();
        services.AddSingleton<IDatasetCleanup, RecommendationCleanup>();
        services.AddJob<EvaluationJobHandler>();
        services.AddJob<RecommendTrainJobHandler>();
        return services;
    }
}

/// <summary>A deleted dataset's live engine and serving pointers (its runs' files go with the runs).</summary>
internal sealed class RecommendationCleanup(RecommendationService service) : IDatasetCleanup
{
    public IReadOnlyList<string> Remove(DeletedDataset dataset)
    {
        service.Forget(dataset.Id);
        return [];
    }
}
