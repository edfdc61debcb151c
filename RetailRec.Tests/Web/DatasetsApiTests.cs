using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace RetailRec.Tests.Web;

public class DatasetsApiTests(RetailRecAppFactory factory) : IClassFixture<RetailRecAppFactory>
{
    private const string Header = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n";

    private static MultipartFormDataContent Upload(string fileName, byte[] bytes, bool wait = true, string? mapping = null)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", fileName } };
        if (wait) form.Add(new StringContent("true"), "wait");
        if (mapping is not null) form.Add(new StringContent(mapping), "mapping");
        return form;
    }

    [Fact]
    public async Task Upload_imports_as_a_job_and_the_dataset_is_listed_with_its_report()
    {
        var csv = Header +
                  "536365,85123A,WHITE HANGING HEART,6,2010-12-01 08:26:00,2.55,17850,United Kingdom\n" +
                  "C536379,D,Discount,-1,2010-12-01 09:41:00,27.50,14527,United Kingdom\n" +
                  "536366,22633,HAND WARMER,6,2010-12-01 08:28:00,1.85,,United Kingdom\n" +
                  "536367,84879,not a number,abc,2010-12-01 08:34:00,1.69,13047,United Kingdom\n";
        var client = factory.CreateClient();
        var r = await client.PostAsync("/api/datasets", Upload("api_small.csv", Encoding.UTF8.GetBytes(csv)));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var body = await r.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("datasetId").GetInt32();
        var report = body.GetProperty("report");
        Assert.Equal(4, report.GetProperty("linesRead").GetInt64());
        Assert.Equal(3, report.GetProperty("rowsImported").GetInt64());
        Assert.Equal(1, report.GetProperty("rowsRejected").GetInt64());

        var ds = await client.GetFromJsonAsync<JsonElement>($"/api/datasets/{id}");
        Assert.Equal("api_small", ds.GetProperty("name").GetString());
        Assert.Equal(3, ds.GetProperty("rowsImported").GetInt64());
        Assert.True(ds.GetProperty("isActive").GetBoolean());

        // The identical bytes again: recognised by content hash, nothing imported twice.
        var again = await client.PostAsync("/api/datasets", Upload("renamed.csv", Encoding.UTF8.GetBytes(csv)));
        var againBody = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(againBody.GetProperty("alreadyImported").GetBoolean());
        Assert.Equal(id, againBody.GetProperty("datasetId").GetInt32());
    }

    [Theory]
    [InlineData("empty.csv", "")]
    [InlineData("header_only.csv", Header)]
    public async Task Files_without_data_are_rejected_with_a_clear_message_and_leave_nothing(string name, string content)
    {
        var client = factory.CreateClient();
        var before = (await client.GetFromJsonAsync<JsonElement[]>("/api/datasets"))!.Length;
        var r = await client.PostAsync("/api/datasets", Upload(name, Encoding.UTF8.GetBytes(content)));
        Assert.True(r.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, r.StatusCode.ToString());
        var problem = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.Equal(before, (await client.GetFromJsonAsync<JsonElement[]>("/api/datasets"))!.Length);
    }

    [Fact]
    public async Task A_binary_file_is_refused()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        var r = await factory.CreateClient().PostAsync("/api/datasets", Upload("random.csv", bytes));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var problem = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("BinaryFile", problem.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Unknown_headers_need_a_mapping_and_import_with_one()
    {
        var csv = "Bon;Artikel;Text;Menge;Datum;Preis;Kunde;Land\n1;A1;Tasse;2;2011-05-01 10:00:00;3,5;900;Germany\n";
        var client = factory.CreateClient();
        var refused = await client.PostAsync("/api/datasets", Upload("german.csv", Encoding.UTF8.GetBytes(csv)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Bon", problem.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));

        var mapping = """{"invoice":"Bon","stockCode":"Artikel","description":"Text","quantity":"Menge","invoiceDate":"Datum","price":"Preis","customerId":"Kunde","country":"Land"}""";
        var ok = await client.PostAsync("/api/datasets", Upload("german.csv", Encoding.UTF8.GetBytes(csv), mapping: mapping));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var body = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, body.GetProperty("report").GetProperty("rowsImported").GetInt64());
    }

    [Fact]
    public async Task Rename_validates_and_unknown_ids_are_404()
    {
        var client = factory.CreateClient();
        var r = await client.PutAsJsonAsync("/api/datasets/424242/name", new { name = "x" });
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/api/datasets/424242")).StatusCode);
    }
}
