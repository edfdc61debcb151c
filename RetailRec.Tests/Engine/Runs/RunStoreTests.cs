using RetailRec.Engine.Datasets;
using RetailRec.Engine.Storage;
using RetailRec.Engine.Runs;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Runs;

public class RunStoreTests
{
    private sealed record Payload(string Name, double[] Values);

    private static readonly RunKind Marketing = new("marketing");
    private static readonly ArtifactKey<Payload> P = new("p");

    [Fact]
    public async Task Runs_round_trip_latest_wins_and_deleting_the_dataset_removes_them()
    {
        await using var db = await TempDatabase.CreateAsync();
        var ds = await SeedData.AddDatasetAsync(db, "d", SeedData.Row("1", "A", 1, 1, "2011-01-01 10:00", "c"));
        var store = db.Get<RunStore>();

        var first = await store.SaveRunAsync(ds, Marketing, "first", new { k = 1 }, new { score = 0.5 },
            new RunArtifacts().Add(P, new Payload("a", [1, double.NaN])));
        var second = await store.SaveRunAsync(ds, Marketing, "second", new { k = 2 }, new { score = 0.7 },
            new RunArtifacts().Add(P, new Payload("b", [3])));

        Assert.Equal(second, (await store.LatestAsync(ds, Marketing))!.Id);
        Assert.Null(await store.LatestAsync(ds, new RunKind("evaluation")));
        var p = await store.ArtifactAsync(first, P);
        Assert.Equal("a", p!.Name);
        Assert.True(double.IsNaN(p.Values[1]));
        Assert.Null(await store.ArtifactAsync(first, new ArtifactKey<Payload>("missing")));
        Assert.Equal([second, first], (await store.ListAsync(ds, Marketing)).Select(r => r.Id));

        Assert.True(await db.Get<DatasetDeletion>().DeleteAsync(ds));
        Assert.Empty(await store.ListAsync(ds, Marketing));
    }
}
