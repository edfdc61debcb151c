using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace RetailRec.Tests.Web;

/// <summary>The app in-process (TestServer) with its own temporary data folder; demo seeding is opt-in per test class.</summary>
public class RetailRecAppFactory : WebApplicationFactory<Program>
{
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "retailrec-api", Guid.NewGuid().ToString("N"));

    protected virtual bool SeedDemo => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("RetailRec:Storage:DataDirectory", DataFolder);
        builder.UseSetting("RetailRec:Demo:SeedOnEmptyDatabase", SeedDemo ? "true" : "false");
        builder.UseSetting("RetailRec:Demo:Lines", "20000");
        builder.UseEnvironment("Production");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}

/// <summary>Same, with the demo dataset created at start-up as on a first real start.</summary>
public sealed class DemoAppFactory : RetailRecAppFactory
{
    protected override bool SeedDemo => true;
}
