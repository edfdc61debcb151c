using RetailRec.Engine.Data;
using RetailRec.Engine.Data.Runs;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Data;

public class RunStoreTests
{
    private sealed record Payload(string Name, double[] Values);

    [Fact]
    public async Task Runs_round_trip_latest_wins_and_deleting_the_dataset_removes_them()
    {
        await using var db = await TempDatabase.CreateAsync();
        var ds = await SeedData.AddDatasetAsync(db, "d", SeedData.Row("1", "A", 1, 1, "2011-01-01 10:00", "c"));
        var store = db.Get<RunStore>();

        var first = await store.SaveRunAsync(ds, "marketing", "first", new { k = 1 }, new { score = 0.5 },
            new Dictionary<string, object> { ["p"] = new Payload("a", [1, double.NaN]) });
        var second = await store.SaveRunAsync(ds, "marketing", "second", new { k = 2 }, new { score = 0.7 },
            new Dictionary<string, object> { ["p"] = new Payload("b", [3]) });

        Assert.Equal(second, (await store.LatestAsync(ds, "marketing"))!.Id);
        Assert.Null(await store.LatestAsync(ds, "evaluation"));
        var p = await store.ArtifactAsync<Payload>(first, "p");
        Assert.Equal("a", p!.Name);
        Assert.True(double.IsNaN(p.Values[1]));
        Assert.Null(await store.ArtifactAsync<Payload>(first, "missing"));
        Assert.Equal([second, first], (await store.ListAsync(ds, "marketing")).Select(r => r.Id));

        Assert.True(await db.Get<DatasetService>().DeleteAsync(ds));
        Assert.Empty(await store.ListAsync(ds, "marketing"));
    }
}
