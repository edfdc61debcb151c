namespace RetailRec.Web.Campaigns;

public static class CampaignServices
{
    /// <summary>The Campaigns page's services (the jobs themselves are registered with the engine).</summary>
    public static IServiceCollection AddCampaigns(this IServiceCollection services)
    {
        services.AddSingleton<PromotionLogStore>();
        services.AddSingleton<ProductCatalog>();
        services.AddSingleton<CampaignLauncher>();
        return services;
    }
}
