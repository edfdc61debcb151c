using Microsoft.Extensions.DependencyInjection;
using RetailRec.Engine.Datasets;
using RetailRec.Engine.Jobs;

namespace RetailRec.Engine.Neural.Training;

public static class NeuralServices
{
    /// <summary>The sequence-model training job and its checkpoint clean-up.</summary>
    public static IServiceCollection AddNeural(this IServiceCollection services)
    {
        services.AddSingleton<IDatasetCleanup, CheckpointCleanup>();
        services.AddJob<SequenceTrainingJobHandler>();
        return services;
    }
}
