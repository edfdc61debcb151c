using Microsoft.Extensions.DependencyInjection;
using RetailRec.Engine.Datasets;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Promotions.Campaigns;

namespace RetailRec.Engine.Promotions.Runs;

public static class PromotionServices
{
    /// <summary>Promotions: campaign, backtest and uplift jobs, the promotion-log store and the product catalogue of the form.</summary>
    public static IServiceCollection AddPromotions(this IServiceCollection services)
    {
        services.AddSingleton<PromotionLogStore>();
        services.AddSingleton<ProductCatalog>();
        services.AddSingleton<CampaignLauncher>();
        services.AddSingleton<IDatasetCleanup, PromotionCleanup>();
        services.AddJob<CampaignJobHandler>();
        services.AddJob<PromoBacktestJobHandler>();
        services.AddJob<UpliftJobHandler>();
        return services;
    }
}

/// <summary>A deleted dataset's promotion log and cached product catalogue.</summary>
internal sealed class PromotionCleanup(PromotionLogStore logs, ProductCatalog catalog) : IDatasetCleanup
{
    public IReadOnlyList<string> Remove(DeletedDataset dataset)
    {
        catalog.Forget(dataset.Id);
        var failed = new List<string>();
        foreach (var path in logs.FilesOf(dataset.ContentHash)) CleanupFiles.Delete(path, failed);
        return failed;
    }
}
