using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RetailRec.Engine.Storage;
using RetailRec.Engine.Runs;
using RetailRec.Engine.Marketing.Runs;

namespace RetailRec.Tests.Web.Marketing;

public class ExportsApiTests(RetailRecAppFactory factory) : IClassFixture<RetailRecAppFactory>
{
    private const string Csv = "customer_id,recency_days\r\n'=1+1,3\r\n";

    /// <summary>A stored run with one export file, and a private file next to the exports that must never be served.</summary>
    private async Task<int> RunWithExportAsync()
    {
        var services = factory.Services;
        var dbf = services.GetRequiredService<IDbContextFactory<RetailRecDbContext>>();
        await using var db = await dbf.CreateDbContextAsync();
        var ds = new DatasetEntity { Name = "api", SourceFileName = "api.csv", ContentHash = Guid.NewGuid().ToString("N"), ImportedAtUtc = DateTime.UtcNow };
        db.Datasets.Add(ds);
        await db.SaveChangesAsync();
        var runId = await services.GetRequiredService<RunStore>().SaveRunAsync(ds.Id, MarketingJobs.Run, "test", new { }, new { }, new RunArtifacts());
        var paths = services.GetRequiredService<DataPaths>();
        Directory.CreateDirectory(paths.RunFiles(runId));
        await File.WriteAllTextAsync(Path.Combine(paths.RunFiles(runId), "user_rfm.csv"), Csv);
        await File.WriteAllTextAsync(Path.Combine(paths.Exports, "secret.txt"), "top secret");
        return runId;
    }

    [Fact]
    public async Task A_known_export_of_a_run_downloads_as_csv()
    {
        var runId = await RunWithExportAsync();
        var r = await factory.CreateClient().GetAsync($"/api/runs/{runId}/exports/user_rfm.csv");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("text/csv", r.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Csv, await r.Content.ReadAsStringAsync());
        Assert.Contains("user_rfm.csv", r.Content.Headers.ContentDisposition?.FileName ?? r.Content.Headers.ContentDisposition?.FileNameStar);

        var list = await factory.CreateClient().GetStringAsync($"/api/runs/{runId}/exports");
        Assert.Contains($"\"url\":\"/api/runs/{runId}/exports/user_rfm.csv\"", list);
        Assert.DoesNotContain("user_segments.csv", list); // not written for this run
    }

    [Theory]
    [InlineData("secret.txt")]
    [InlineData("..%2Fsecret.txt")]
    [InlineData("..%2F..%2Fretailrec.db")]
    [InlineData("%2E%2E%2Fsecret.txt")]
    [InlineData("..%5Csecret.txt")]
    [InlineData("USER_RFM.CSV")]
    [InlineData("user_segments.csv")]
    public async Task Anything_but_an_existing_known_file_name_is_a_404(string file)
    {
        var runId = await RunWithExportAsync();
        var r = await factory.CreateClient().GetAsync($"/api/runs/{runId}/exports/{file}");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.DoesNotContain("top secret", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_run_is_a_404()
    {
        var r = await factory.CreateClient().GetAsync("/api/runs/987654/exports/user_rfm.csv");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Contains("987654", await r.Content.ReadAsStringAsync());
    }
}
