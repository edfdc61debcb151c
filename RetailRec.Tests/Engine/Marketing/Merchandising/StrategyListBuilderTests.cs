using System.Text.Json;
using RetailRec.Engine.Marketing.Merchandising;

namespace RetailRec.Tests.Engine.Marketing.Merchandising;

public class StrategyListBuilderTests
{
    // Items 0..7: F F S F S D F F(never sold). Model scores fall with the index, so the model ranking is 0, 1, 2, ...
    private static readonly StockClass[] Classes =
        [StockClass.Fast, StockClass.Fast, StockClass.Slow, StockClass.Fast, StockClass.Slow, StockClass.Dead, StockClass.Fast, StockClass.Fast];
    private static readonly bool[] NeverSold = [false, false, false, false, false, false, false, true];
    private static readonly float[] Scores = Enumerable.Range(0, 8).Select(i => 10f - i).ToArray();
    private static readonly StrategyListBuilder Builder = new(Classes, NeverSold);

    private static int[] Items(MerchandisingStrategy s, int[]? familiar = null, int[]? bought = null, int[]? favourites = null) =>
        Builder.Build(s, Scores, familiar ?? [], (bought ?? familiar ?? []).ToHashSet(), favourites ?? []).Select(p => p.Item).ToArray();

    [Fact]
    public void Model_only_lists_respect_the_band_by_hand()
    {
        // Band 25%..50% of 4 = 1..2 slow: 0 F, 1 F, 2 S, 3 F fills the list with one slow item.
        Assert.Equal([0, 1, 2, 3], Items(new() { Name = "a", ListLength = 4, MinSlowShare = 0.25, MaxSlowShare = 0.5 }));
        // Exactly 2 slow: after 0, 1, 2 the last slot must be slow, so 3 is skipped for 4; dead 5 is never eligible.
        Assert.Equal([0, 1, 2, 4], Items(new() { Name = "b", ListLength = 4, MinSlowShare = 0.5, MaxSlowShare = 0.5 }));
        // No slow allowed: 2 and 4 are skipped; never-sold 7 is excluded, so only four fast items exist.
        Assert.Equal([0, 1, 3, 6], Items(new() { Name = "c", ListLength = 6, MaxSlowShare = 0 }));
        // Dead allowed and counted as slow: 3 slow of 6 = 2, 4, 5.
        Assert.Equal([0, 1, 2, 3, 4, 5], Items(new() { Name = "d", ListLength = 6, MinSlowShare = 0.5, MaxSlowShare = 0.5, AllowDead = true }));
    }

    [Fact]
    public void Sources_alternate_by_weight_and_the_new_thing_goes_last()
    {
        var mixed = new MerchandisingStrategy { Name = "m", ListLength = 4, ModelShare = 0.5, FamiliarShare = 0.5 };
        var picks = Builder.Build(mixed, Scores, [6, 3], new HashSet<int> { 6, 3 }, []);
        Assert.Equal([0, 6, 1, 3], picks.Select(p => p.Item));
        Assert.Equal([PickSource.Model, PickSource.Familiar, PickSource.Model, PickSource.Familiar], picks.Select(p => p.Source));

        var discovery = new MerchandisingStrategy { Name = "n", ListLength = 3, OneNewThing = true };
        var withNew = Builder.Build(discovery, Scores, [], new HashSet<int> { 0, 1 }, []);
        Assert.Equal([0, 1, 2], withNew.Select(p => p.Item));
        Assert.Equal(PickSource.NewThing, withNew[^1].Source);
    }

    [Fact]
    public void Exhausted_sources_hand_over_to_the_model_ranking()
    {
        var s = new MerchandisingStrategy { Name = "f", ListLength = 3, ModelShare = 0, FamiliarShare = 1 };
        var picks = Builder.Build(s, Scores, [4], new HashSet<int> { 4 }, []);
        Assert.Equal([4, 0, 1], picks.Select(p => p.Item));
        Assert.Equal([PickSource.Familiar, PickSource.Fallback, PickSource.Fallback], picks.Select(p => p.Source));
    }

    [Fact]
    public void Validation_catches_unusable_strategies()
    {
        Assert.All(DefaultStrategies.All, s => Assert.Empty(s.Validate()));
        Assert.Contains("the minimum slow share exceeds the maximum", new MerchandisingStrategy { Name = "x", MinSlowShare = 0.5, MaxSlowShare = 0.2 }.Validate());
        Assert.Single(new MerchandisingStrategy { Name = "x", ListLength = 10, MinSlowShare = 0.15, MaxSlowShare = 0.18 }.Validate());
        Assert.Contains("at least one source share must be positive", new MerchandisingStrategy { Name = "x", ModelShare = 0 }.Validate());
    }

    [Fact]
    public void Strategies_round_trip_through_json()
    {
        var json = JsonSerializer.Serialize(DefaultStrategies.All);
        var back = JsonSerializer.Deserialize<List<MerchandisingStrategy>>(json)!;
        Assert.Equal(DefaultStrategies.All, back);
        Assert.Contains("\"MinSlowShare\":0.1", json);
    }
}
