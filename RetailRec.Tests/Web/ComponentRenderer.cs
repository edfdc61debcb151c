using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Datasets;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;
using Radzen;

namespace RetailRec.Tests.Web;

/// <summary>
/// Static component rendering with ASP.NET Core's HtmlRenderer (bUnit cannot be used here; see STACK.md). It runs
/// OnInitializedAsync to completion, so pages render their loaded state; OnAfterRender (JS interop) does not run.
/// </summary>
public static class ComponentRenderer
{
    public static async Task<string> RenderAsync<TComponent>(IServiceProvider engineServices, IDictionary<string, object?>? parameters = null,
        Action<IServiceCollection>? configure = null)
        where TComponent : IComponent
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRadzenComponents();
        services.AddSingleton<NavigationManager, TestNavigationManager>();
        services.AddSingleton<IJSRuntime, NoJsRuntime>();
        // Engine services come from the test's real SQLite-backed provider.
        services.AddSingleton(_ => engineServices.GetRequiredService<DatasetService>());
        services.AddSingleton(_ => engineServices.GetRequiredService<RetailRec.Engine.Datasets.Overview.OverviewQueries>());
        services.AddSingleton(_ => engineServices.GetRequiredService<RetailRec.Engine.Jobs.JobNotifier>());
        services.AddSingleton(_ => engineServices.GetRequiredService<RetailRec.Engine.Jobs.JobService>());
        services.AddSingleton(_ => engineServices.GetRequiredService<RetailRec.Engine.Runs.RunStore>());
        services.AddSingleton(_ => engineServices.GetRequiredService<RetailRec.Engine.Marketing.Runs.MarketingSettingsStore>());
        services.AddSingleton(_ => engineServices.GetRequiredService<RetailRec.Engine.Marketing.Runs.MarketingRunLauncher>());
        // Recommendation pages (Customer 360, Models).
        foreach (var type in new[] { typeof(RetailRec.Engine.Recommendations.Runs.RecommendationService),
                     typeof(RetailRec.Engine.Recommendations.Runs.EvaluationRuns), typeof(RetailRec.Engine.Marketing.Runs.MarketingRunReader),
                     typeof(RetailRec.Engine.Recommendations.Runs.ICustomerSegmentSource), typeof(DatasetDeletion),
                     typeof(RetailRec.Engine.Datasets.Uploads.DatasetUploads), typeof(RetailRec.Engine.DemoData.DemoSeeder),
                     typeof(RetailRec.Engine.Storage.DataPaths) })
            services.AddSingleton(type, _ => engineServices.GetRequiredService(type));
        configure?.Invoke(services); // page-specific services (e.g. the Campaigns page's)
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, provider.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var view = parameters is null ? ParameterView.Empty : ParameterView.FromDictionary(parameters);
            var output = await renderer.RenderComponentAsync<TComponent>(view);
            return output.ToHtmlString();
        });
    }

    private sealed class TestNavigationManager : NavigationManager
    {
        public TestNavigationManager() => Initialize("http://localhost/", "http://localhost/");
        protected override void NavigateToCore(string uri, NavigationOptions options) { }
    }

    private sealed class NoJsRuntime : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
            throw new InvalidOperationException("JS interop is not available in static rendering");
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            throw new InvalidOperationException("JS interop is not available in static rendering");
    }
}
