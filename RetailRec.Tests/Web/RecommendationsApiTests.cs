using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace RetailRec.Tests.Web;

/// <summary>The recommendation API's contract without any dataset: validation and problem documents.</summary>
public class RecommendationsApiValidationTests(RetailRecAppFactory factory) : IClassFixture<RetailRecAppFactory>
{
    [Theory]
    [InlineData("", "A JSON body is required")]
    [InlineData("{not json", "The body must be JSON")]
    [InlineData("{\"n\": 5}", "\"customerId\" is required")]
    [InlineData("{\"customerId\": \"1\", \"n\": 0}", "\"n\" must be between 1 and 100")]
    [InlineData("{\"customerId\": \"1\", \"n\": 101}", "\"n\" must be between 1 and 100")]
    [InlineData("{\"customerId\": \"1\", \"method\": \"Magic\"}", "Unknown method \"Magic\"")]
    [InlineData("{\"customerId\": \"1\", \"method\": \"2\"}", "Unknown method \"2\"")]
    public async Task Bad_requests_get_400_problem_documents(string body, string title)
    {
        var r = await factory.CreateClient().PostAsync("/api/recommend", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var problem = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith(title, problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Unknown_method_lists_the_allowed_ones()
    {
        var r = await factory.CreateClient().PostAsJsonAsync("/api/recommend", new { customerId = "1", method = "Magic" });
        var allowed = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("allowed").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(["Personalized", "Segment", "CF", "Popular", "All", "SevenSlots"], allowed);
    }

    [Fact]
    public async Task Without_a_dataset_the_endpoints_answer_404_problems()
    {
        var client = factory.CreateClient();
        var recommend = await client.PostAsJsonAsync("/api/recommend", new { customerId = "1" });
        var segments = await client.GetAsync("/api/segments/1");
        var similar = await client.GetAsync("/api/items/ABC/similar");
        foreach (var r in new[] { recommend, segments, similar })
        {
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            Assert.Contains("no dataset", (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/items/ABC/similar?n=0")).StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_lists_the_recommendation_endpoints()
    {
        var doc = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/recommend", paths);
        Assert.Contains("/api/segments/{customerId}", paths);
        Assert.Contains("/api/items/{stockCode}/similar", paths);
        Assert.Contains("/api/evaluations", paths);
    }
}

/// <summary>An app whose imports trigger nothing: a fresh dataset has neither segments nor recommendations yet.</summary>
public sealed class NoFollowUpJobsAppFactory : RetailRecAppFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RetailRec:Marketing:AutoRunAfterImport", "false");
        builder.UseSetting("RetailRec:Recommendations:AutoTrainAfterImport", "false");
    }
}

public class RecommendationsApiFreshDatasetTests(NoFollowUpJobsAppFactory factory) : IClassFixture<NoFollowUpJobsAppFactory>
{
    private async Task<HttpClient> ImportTinyAsync()
    {
        var client = factory.CreateClient();
        const string csv = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n" +
                           "1,A,ITEM A,1,2011-01-01 10:00,1.0,c1,France\n2,B,ITEM B,2,2011-01-02 10:00,2.0,c2,France\n";
        using var form = new MultipartFormDataContent { { new StringContent("true"), "wait" } };
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "tiny.csv");
        var r = await client.PostAsync("/api/datasets", form);
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
        return client;
    }

    [Fact]
    public async Task Segments_explain_that_no_segmentation_exists_yet()
    {
        var client = await ImportTinyAsync();
        var r = await client.GetAsync("/api/segments/c1");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        var problem = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("No segmentation exists", problem.GetProperty("title").GetString());
        Assert.Contains("segment analysis", problem.GetProperty("hint").GetString());
    }

    [Fact]
    public async Task Without_any_model_the_answer_is_an_honest_503_with_retry_after()
    {
        var client = await ImportTinyAsync();
        var r = await client.PostAsJsonAsync("/api/recommend", new { customerId = "c1", n = 3, path = "precomputed" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode);
        Assert.NotNull(r.Headers.RetryAfter);
        var problem = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("run the recommendation training", problem.GetProperty("title").GetString());
        Assert.True(problem.GetProperty("coldStart").GetBoolean());
    }
}
