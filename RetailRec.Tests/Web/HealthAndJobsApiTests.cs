using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetailRec.Tests.Web;

public class HealthAndJobsApiTests(RetailRecAppFactory factory) : IClassFixture<RetailRecAppFactory>
{
    [Fact]
    public async Task Health_answers_ok()
    {
        var r = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/health");
        Assert.Equal("ok", r.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Unknown_job_is_a_404_problem_document()
    {
        var r = await factory.CreateClient().GetAsync("/api/jobs/987654");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var body = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("987654", body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task OpenApi_document_lists_the_api()
    {
        var doc = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/health", paths);
        Assert.Contains("/api/jobs/{id}", paths);
    }
}
