using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Browser;

/// <summary>
/// Starts the real app (the built RetailRec.Web.dll, as a user would run it) on a free loopback port with a temporary
/// data folder, and a headless Debian Chromium driven by Playwright. Shared by the browser tests of one collection.
/// </summary>
public sealed class AppServerFixture : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private Process? _process;
    private readonly StringBuilder _output = new();
    private IPlaywright? _playwright;

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "retailrec-browser", Guid.NewGuid().ToString("N"));
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Browser tests need Debian's Chromium at {ChromiumPath}: run `apt-get install -y chromium` (.ci/run does).");
        Directory.CreateDirectory(DataFolder);
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var webDll = FindWebDll();
        var psi = new ProcessStartInfo("dotnet", [webDll, "--urls", BaseUrl])
        {
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment["RETAILREC_DATA_DIR"] = DataFolder;
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Tests that need recommendations queue the training themselves; training after every upload (the real file
        // included) would only burn the shared CPU in the background.
        psi.Environment["RetailRec__Recommendations__AutoTrainAfterImport"] = "false";
        // The content root must be the project folder so static web assets resolve as under `dotnet run`.
        psi.Environment["ASPNETCORE_CONTENTROOT"] = Path.Combine(TestPaths.RepoRoot, "RetailRec.Web");
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitForHealthAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    public string ServerOutput { get { lock (_output) return _output.ToString(); } }

    /// <summary>Navigates and waits until the Blazor circuit is interactive (MainLayout sets data-interactive).</summary>
    public async Task<IPage> OpenAsync(string path)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(BaseUrl + path);
        await page.Locator("[data-interactive=true]").WaitForAsync();
        return page;
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    private async Task WaitForHealthAsync()
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited) throw new InvalidOperationException("The app exited during start-up:\n" + ServerOutput);
            try
            {
                var r = await http.GetAsync(BaseUrl + "/api/health");
                if (r.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            await Task.Delay(200);
        }
        throw new TimeoutException("The app did not answer /api/health within 90 s:\n" + ServerOutput);
    }

    private static string FindWebDll()
    {
        // Same configuration as the test assembly (bin/<Configuration>/net10.0).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(TestPaths.RepoRoot, "RetailRec.Web", "bin", configuration, "net10.0", "RetailRec.Web.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build RetailRec.Web first: " + dll);
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>
/// Browser tests on the first-start demo data share one app. They run alone, after the parallel tests, so the app
/// and Chromium get the machine's two cores (timing-sensitive UI waits stay far from their limits).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<AppServerFixture>
{
    public const string Name = "browser";
}

/// <summary>The real-file upload changes the active dataset, so it gets an app of its own.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class UploadBrowserCollection : ICollectionFixture<AppServerFixture>
{
    public const string Name = "browser-upload";
}
