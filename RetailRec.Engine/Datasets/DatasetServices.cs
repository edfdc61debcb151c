using Microsoft.Extensions.DependencyInjection;
using RetailRec.Engine.Datasets.Ingestion;
using RetailRec.Engine.Datasets.Overview;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Datasets.Uploads;
using RetailRec.Engine.Jobs;

namespace RetailRec.Engine.Datasets;

public static class DatasetServices
{
    /// <summary>Datasets: uploads, the import job, the list and active-dataset rule, deletion, the RetailLog loader and the Overview.</summary>
    public static IServiceCollection AddDatasets(this IServiceCollection services)
    {
        services.AddOptions<IngestionOptions>();
        services.AddSingleton<TransactionImporter>();
        services.AddSingleton<DatasetService>();
        services.AddSingleton<DatasetDeletion>();
        services.AddSingleton<DatasetUploads>();
        services.AddSingleton<DatasetLoader>();
        services.AddSingleton<OverviewQueries>();
        services.AddSingleton<IDatasetCleanup, DatasetCachesCleanup>();
        services.AddJob<ImportJobHandler>();
        return services;
    }
}

/// <summary>The Datasets feature's part of a deletion: the cached RetailLog and Overview aggregates.</summary>
internal sealed class DatasetCachesCleanup(DatasetLoader loader, OverviewQueries overview) : IDatasetCleanup
{
    public IReadOnlyList<string> Remove(DeletedDataset dataset)
    {
        loader.Forget(dataset.Id);
        overview.Forget(dataset.Id);
        return [];
    }
}
