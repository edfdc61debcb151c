using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace RetailRec.Tests.Web;

/// <summary>The app with a 1 MB upload limit and one test-only route that fails, for the API's error answers.</summary>
public sealed class HardeningAppFactory : RetailRecAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RetailRec:Import:MaxUploadMegabytes", "1");
        builder.ConfigureServices(s => s.AddTransient<IStartupFilter, FailingRouteFilter>());
    }

    /// <summary>Runs after the app's pipeline (so inside its error handling) for a path no endpoint claims.</summary>
    private sealed class FailingRouteFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(c =>
            {
                if (c.Request.Path == "/api/test/fail") throw new InvalidOperationException("secret internal detail");
                c.Response.StatusCode = StatusCodes.Status404NotFound; // what the default end of the pipeline answers
                return Task.CompletedTask;
            });
        };
    }
}

/// <summary>Issue 13, HTTP surface: 413 with the app's message, 400 for malformed multipart, hostile names, problem details everywhere.</summary>
public class UploadHardeningTests(HardeningAppFactory factory) : IClassFixture<HardeningAppFactory>
{
    private const string Csv = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n" +
                               "536365,85123A,WHITE HANGING HEART,6,2010-12-01 08:26:00,2.55,17850,United Kingdom\n";

    private static MultipartFormDataContent Upload(string fileName, byte[] bytes)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", fileName } };
        form.Add(new StringContent("true"), "wait");
        return form;
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage r, HttpStatusCode expected)
    {
        Assert.Equal(expected, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var body = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("traceId").GetString()));
        Assert.Equal((int)expected, body.GetProperty("status").GetInt32());
        return body;
    }

    private static byte[] Padded(int bytes) => Encoding.UTF8.GetBytes(Csv + new string('#', bytes));

    [Fact]
    public async Task Over_the_limit_is_413_with_the_apps_message_whether_announced_or_not()
    {
        var client = factory.CreateClient();
        // 1.5 MB: inside the server's envelope, refused by the app's check.
        var inside = await Problem(await client.PostAsync("/api/datasets", Upload("big.csv", Padded(1_500_000))), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("\"big.csv\" is 1.4 MB; the upload limit is 1 MB (setting RetailRec:Import:MaxUploadMegabytes).", inside.GetProperty("title").GetString());

        // 3 MB with a Content-Length: refused before the body is read.
        var announced = await Problem(await client.PostAsync("/api/datasets", Upload("big.csv", Padded(3_000_000))), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("the upload limit is 1 MB", announced.GetProperty("title").GetString());

        // 3 MB chunked (no Content-Length): the form reader's limit trips, still the app's 413.
        var form = Upload("big.csv", Padded(3_000_000));
        var bytes = await form.ReadAsByteArrayAsync();
        var chunked = new StreamContent(new MemoryStream(bytes));
        chunked.Headers.ContentType = form.Headers.ContentType;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/datasets") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        var streamed = await Problem(await client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("the upload limit is 1 MB", streamed.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nabc\r\n--x--\r\n")] // no boundary
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nabc")] // cut off
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\r\n\r\nabc\r\n--x--\r\n")] // open quote
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: \r\n\r\nabc\r\n--x--\r\n")] // empty disposition
    public async Task Malformed_multipart_is_400(string contentType, string body)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var problem = await Problem(await factory.CreateClient().PostAsync("/api/datasets", content), HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task A_300_character_name_imports_with_a_shortened_display_name()
    {
        var name = new string('n', 296) + ".csv";
        var client = factory.CreateClient();
        var r = await client.PostAsync("/api/datasets", Upload(name, Encoding.UTF8.GetBytes(Csv.Replace("536365", "536001"))));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var id = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("datasetId").GetInt32();
        var ds = await client.GetFromJsonAsync<JsonElement>($"/api/datasets/{id}");
        Assert.Equal(new string('n', 115) + "….csv", ds.GetProperty("sourceFileName").GetString());
        Assert.Equal(new string('n', 115) + "…", ds.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_hostile_name_is_reduced_to_harmless_text()
    {
        var client = factory.CreateClient();
        var r = await client.PostAsync("/api/datasets", Upload("..\\..\\etc\\<b>x</b>\u0000\u202Ecsv.csv", Encoding.UTF8.GetBytes(Csv.Replace("536365", "536002"))));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var id = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("datasetId").GetInt32();
        var ds = await client.GetFromJsonAsync<JsonElement>($"/api/datasets/{id}");
        Assert.Equal("b>csv.csv", ds.GetProperty("sourceFileName").GetString()); // last path segment, no control or bidi characters
        Assert.Equal("b>csv", ds.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_name_without_a_stem_gets_a_sensible_dataset_name()
    {
        var client = factory.CreateClient();
        var r = await client.PostAsync("/api/datasets", Upload(".csv", Encoding.UTF8.GetBytes(Csv.Replace("536365", "536003"))));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var id = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("datasetId").GetInt32();
        Assert.Equal("csv upload", (await client.GetFromJsonAsync<JsonElement>($"/api/datasets/{id}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Every_api_error_is_problem_details_without_a_stack_trace()
    {
        var client = factory.CreateClient();
        var failed = await Problem(await client.GetAsync("/api/test/fail"), HttpStatusCode.InternalServerError);
        var text = failed.GetRawText();
        Assert.DoesNotContain("secret internal detail", text);
        Assert.DoesNotContain("   at ", text);
        Assert.Equal("An unexpected error occurred. Quote the trace id when you report it.", failed.GetProperty("title").GetString());

        await Problem(await client.GetAsync("/api/no-such-route"), HttpStatusCode.NotFound);
        await Problem(await client.GetAsync("/api/datasets/424242"), HttpStatusCode.NotFound);
        await Problem(await client.PutAsync("/api/datasets/1/name", new StringContent("{not json", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        await Problem(await client.PostAsync("/api/datasets", new StringContent("x")), HttpStatusCode.BadRequest);
    }
}
