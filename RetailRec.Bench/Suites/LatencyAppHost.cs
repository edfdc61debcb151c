extern alias webapp;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace RetailRec.Bench.Suites;

/// <summary>
/// The real web app, in this process, served by Kestrel on a free 127.0.0.1 port with a temporary data folder (no demo
/// seeding, no automatic training: the suite drives both itself).
/// </summary>
internal sealed class LatencyAppHost : WebApplicationFactory<webapp::Program>
{
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "retailrec-latency", Guid.NewGuid().ToString("N"));
    public int Port { get; } = FreePort();
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public LatencyAppHost()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, Port));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("RetailRec:Storage:DataDirectory", DataFolder);
        builder.UseSetting("RetailRec:Demo:SeedOnEmptyDatabase", "false");
        builder.UseSetting("RetailRec:Recommendations:AutoTrainAfterImport", "false");
        builder.UseSetting("RetailRec:Marketing:AutoRunAfterImport", "false");
        builder.UseEnvironment("Production");
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
}
