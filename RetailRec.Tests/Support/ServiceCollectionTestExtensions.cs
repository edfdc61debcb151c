using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RetailRec.Engine.Jobs;

namespace RetailRec.Tests.Support;

public static class ServiceCollectionTestExtensions
{
    /// <summary>Registers the worker as a plain hosted service so tests can start and stop it themselves.</summary>
    public static IServiceCollection AddJobWorkerForTests(this IServiceCollection s) =>
        s.AddSingleton<IHostedService, JobWorker>();
}
