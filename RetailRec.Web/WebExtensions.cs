using Microsoft.AspNetCore.Http.Features;
using Radzen;
using RetailRec.Engine;
using RetailRec.Engine.Storage;
using RetailRec.Engine.Datasets.Ingestion;
using RetailRec.Engine.DemoData;
using RetailRec.Engine.Jobs;

namespace RetailRec.Web;

/// <summary>The app's wiring, so Program.cs reads like a table of contents.</summary>
public static class WebExtensions
{
    /// <summary>
    /// Resolves where data lives. Precedence: RETAILREC_DB / RETAILREC_DATA_DIR environment variables, then
    /// configuration "RetailRec:Storage", then App_Data under the content root (git-ignored).
    /// </summary>
    public static void AddRetailRecStorage(this WebApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (Environment.GetEnvironmentVariable("RETAILREC_DATA_DIR") is { Length: > 0 } dir) storage.DataDirectory = dir;
        if (Environment.GetEnvironmentVariable("RETAILREC_DB") is { Length: > 0 } db) storage.DatabasePath = db;
        var root = builder.Environment.ContentRootPath;
        builder.Services.AddRetailRecEngine(storage.Resolve(builder.Environment.ContentRootPath));
        builder.Services.AddJobWorker();
    }

    public static void AddRetailRecWeb(this WebApplicationBuilder builder)
    {
        // Serve package assets (Radzen's _content/...) from the build output in every environment, not only in
        // Development; a published app has them in wwwroot and this is then a no-op.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddRadzenComponents();
        builder.Services.AddOpenApi();
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

        var maxMb = builder.Configuration.GetValue("RetailRec:Import:MaxUploadMegabytes", 500);
        var maxBytes = maxMb * 1024L * 1024L;
        // The server's own limits sit one envelope above the app's, so an oversize file meets the app's 413 message
        // (DatasetUploads.Precheck) instead of the server's bare refusal; what still trips them is mapped to 413 too.
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = maxBytes + UploadLimits.EnvelopeBytes);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = maxBytes + UploadLimits.EnvelopeBytes);
        builder.Services.AddExceptionHandler<Api.ApiExceptionHandler>();
        builder.Services.AddSingleton(new UploadLimits(maxBytes));
        builder.Services.Configure<IngestionOptions>(o => o.MaxUploadBytes = maxBytes);
    }

    public static async Task InitializeRetailRecAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        app.Logger.LogInformation("RetailRec data: {Db}", app.Services.GetRequiredService<DataPaths>().DatabasePath);
        await app.Services.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync();
    }

    public static void UseRetailRecPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error", createScopeForErrors: true);
        // Inside the page error handler, so API errors become problem details in every environment (Api/ApiExceptionHandler).
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), b => b.UseExceptionHandler());
        // Browsers get the app's own "not found" page; the API keeps problem-details answers.
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), b => b.UseStatusCodePagesWithReExecute("/not-found"));
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), b => b.UseStatusCodePages());
        app.UseAntiforgery();
        app.MapStaticAssets();
    }
}

/// <summary>The configured upload limit, and the room the HTTP layer leaves above it for the multipart envelope.</summary>
public sealed record UploadLimits(long MaxBytes)
{
    /// <summary>Room for the multipart boundaries and headers around the file.</summary>
    public const long EnvelopeBytes = 1024 * 1024;
}
