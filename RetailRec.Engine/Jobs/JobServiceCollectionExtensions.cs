using Microsoft.Extensions.DependencyInjection;

namespace RetailRec.Engine.Jobs;

public static class JobServiceCollectionExtensions
{
    /// <summary>The queue, the live state and the notifier; the host adds the worker with <see cref="AddJobWorker"/>.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddOptions<JobLaneOptions>().BindConfiguration(JobLaneOptions.Section);
        services.AddSingleton<JobChannels>();
        services.AddSingleton<RunningJobs>();
        services.AddSingleton<JobNotifier>();
        services.AddSingleton<JobService>();
        return services;
    }

    /// <summary>The one registration line a job kind needs: the handler, keyed by its kind, and the kind for the worker.</summary>
    public static IServiceCollection AddJob<THandler>(this IServiceCollection services) where THandler : class, IJobKindHandler
    {
        services.AddKeyedScoped<IJobHandler, THandler>(THandler.Kind.Name);
        services.AddSingleton(THandler.Kind);
        return services;
    }

    public static IServiceCollection AddJobWorker(this IServiceCollection services) =>
        services.AddHostedService<JobWorker>();
}
