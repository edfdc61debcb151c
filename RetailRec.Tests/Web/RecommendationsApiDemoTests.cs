using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Datasets;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RetailRec.Engine.Storage;
using RetailRec.Engine.Datasets.Ingestion;
using RetailRec.Engine.Jobs;

namespace RetailRec.Tests.Web;

/// <summary>
/// The API on the seeded demo data (20k lines): the demo import queues a marketing run and a recommendation training by
/// itself, and the tests wait for those jobs (not for a fixed time) before asking.
/// </summary>
public class RecommendationsApiDemoTests(DemoAppFactory factory) : IClassFixture<DemoAppFactory>
{
    private async Task<(HttpClient Client, string Customer, string Item)> ReadyAsync()
    {
        var client = factory.CreateClient();
        var jobs = factory.Services.GetRequiredService<JobService>();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var all = await jobs.ListAsync(50);
            // The import queues the marketing run and then the training; both must be done.
            var waited = all.Where(j => j.Kind is "recommend-train" or "marketing").ToList();
            if (waited.Count == 2 && waited.All(j => !j.IsActive))
            {
                Assert.All(waited, j => Assert.Equal(JobState.Succeeded, j.State));
                break;
            }
            Assert.DoesNotContain(all, j => j.Kind == "import" && j.State == JobState.Failed);
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the demo import and training did not finish");
            await Task.Delay(200);
        }
        var datasetId = (await factory.Services.GetRequiredService<DatasetService>().GetActiveAsync())!.Id;
        var log = await factory.Services.GetRequiredService<DatasetLoader>().LoadRetailLogAsync(datasetId);
        var b = log.Baskets[^1];
        return (client, log.CustomerIds[b.Customer], log.ItemCodes[b.Items[0]]);
    }

    [Fact]
    public async Task Known_customer_gets_n_items_with_score_method_and_reason()
    {
        var (client, customer, _) = await ReadyAsync();
        var r = await client.PostAsJsonAsync("/api/recommend", new { customerId = customer, n = 7, method = "personalized" });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var body = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("coldStart").GetBoolean());
        Assert.Equal("Personalized", body.GetProperty("method").GetString());
        Assert.Equal("Precomputed", body.GetProperty("source").GetString());
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(7, items.Count);
        Assert.Equal(Enumerable.Range(1, 7), items.Select(i => i.GetProperty("rank").GetInt32()));
        var scores = items.Select(i => i.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);                     // best first
        Assert.All(items, i => Assert.False(string.IsNullOrWhiteSpace(i.GetProperty("reason").GetString())));
        Assert.Equal(7, items.Select(i => i.GetProperty("stockCode").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Unknown_customer_gets_the_cold_start_list_and_is_told_so()
    {
        var (client, _, _) = await ReadyAsync();
        var r = await client.PostAsJsonAsync("/api/recommend", new { customerId = "NOT-A-CUSTOMER", n = 5 });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var body = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("coldStart").GetBoolean());
        Assert.Contains("no purchase history", body.GetProperty("note").GetString());
        Assert.Equal(5, body.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Live_path_answers_longer_lists_than_were_precomputed()
    {
        var (client, customer, _) = await ReadyAsync();
        var r = await client.PostAsJsonAsync("/api/recommend", new { customerId = customer, n = 60, method = "CF", path = "live" });
        var body = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Live", body.GetProperty("source").GetString());
        Assert.Equal(60, body.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Segments_come_from_the_marketing_run_the_import_queued()
    {
        var (client, customer, _) = await ReadyAsync();
        var r = await client.GetFromJsonAsync<JsonElement>($"/api/segments/{customer}");
        Assert.Equal(customer, r.GetProperty("customerId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("segment").GetString()));
        var rfm = r.GetProperty("rfm");
        Assert.Equal($"{rfm.GetProperty("r").GetInt32()}{rfm.GetProperty("f").GetInt32()}{rfm.GetProperty("m").GetInt32()}", rfm.GetProperty("code").GetString());
        Assert.InRange(rfm.GetProperty("r").GetInt32(), 1, 5);
        Assert.True(rfm.GetProperty("frequency").GetInt32() >= 1);

        var unknown = await client.GetAsync("/api/segments/NOT-A-CUSTOMER");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("not in the segmentation", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Similar_items_of_a_known_item_and_404_for_an_unknown_one()
    {
        var (client, _, item) = await ReadyAsync();
        var ok = await client.GetFromJsonAsync<JsonElement>($"/api/items/{item}/similar?n=4");
        Assert.Equal(item, ok.GetProperty("stockCode").GetString());
        var similar = ok.GetProperty("similar").EnumerateArray().ToList();
        Assert.InRange(similar.Count, 1, 4);
        Assert.DoesNotContain(similar, s => s.GetProperty("stockCode").GetString() == item);
        var missing = await client.GetAsync("/api/items/NO-SUCH-ITEM/similar");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
