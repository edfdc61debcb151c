using RetailRec.Engine.Marketing.Merchandising;

namespace RetailRec.Tests.Engine.Marketing.Merchandising;

/// <summary>
/// Property test over seeded random catalogues, customers and strategies: every list has distinct, eligible items,
/// holds the slow band, is full length whenever the catalogue can fill it, and keeps the discovery slot last.
/// </summary>
public class StrategyBandPropertyTests
{
    [Fact]
    public void Random_lists_respect_their_bands()
    {
        var rng = new Random(20111209);
        for (var trial = 0; trial < 400; trial++)
        {
            var n = rng.Next(5, 60);
            var classes = Enumerable.Range(0, n).Select(_ => (StockClass)rng.Next(3)).ToArray();
            var never = Enumerable.Range(0, n).Select(i => classes[i] == StockClass.Dead && rng.NextDouble() < 0.3).ToArray();
            var builder = new StrategyListBuilder(classes, never);
            var strategy = RandomStrategy(rng);
            var scores = Enumerable.Range(0, n).Select(_ => (float)rng.Next(0, 20)).ToArray(); // many ties on purpose
            var familiar = Enumerable.Range(0, n).Where(_ => rng.NextDouble() < 0.2).OrderBy(_ => rng.Next()).ToArray();
            var favourites = Enumerable.Range(0, n).Where(_ => rng.NextDouble() < 0.3).OrderBy(_ => rng.Next()).ToArray();

            var picks = builder.Build(strategy, scores, familiar, familiar.ToHashSet(), favourites);
            var (length, minSlow, maxSlow) = builder.Targets(strategy);
            var context = $"trial {trial}: {strategy}";

            Assert.True(picks.Select(p => p.Item).Distinct().Count() == picks.Count, context);
            Assert.All(picks, p => Assert.False(never[p.Item], context));
            if (!strategy.AllowDead) Assert.DoesNotContain(picks, p => classes[p.Item] == StockClass.Dead);
            Assert.All(picks, p => Assert.Equal(classes[p.Item], p.Class));

            var eligible = Enumerable.Range(0, n).Where(i => !never[i] && (strategy.AllowDead || classes[i] != StockClass.Dead)).ToArray();
            var eligibleFast = eligible.Count(i => classes[i] == StockClass.Fast);
            var eligibleSlow = eligible.Length - eligibleFast;
            var canFill = eligibleFast + Math.Min(eligibleSlow, maxSlow) >= length;
            var slow = picks.Count(p => p.Class != StockClass.Fast);
            if (canFill)
            {
                Assert.True(length == picks.Count, context);
                Assert.InRange(slow, minSlow, maxSlow);
                var (bandMin, bandMax) = SlowBand.For(strategy, length);
                Assert.InRange(slow, Math.Min(bandMin, eligibleSlow), bandMax);
            }
            else Assert.True(slow <= maxSlow && picks.Count(p => p.Class == StockClass.Fast) == eligibleFast, context);

            var discovery = picks.Where(p => p.Source == PickSource.NewThing).ToList();
            Assert.True(discovery.Count <= (strategy.OneNewThing ? 1 : 0), context);
            if (discovery.Count == 1)
            {
                Assert.Equal(discovery[0], picks[^1]);
                Assert.DoesNotContain(discovery[0].Item, familiar);
            }
        }
    }

    internal static MerchandisingStrategy RandomStrategy(Random rng)
    {
        var length = rng.Next(1, 16);
        var a = rng.Next(0, length + 1);
        var b = rng.Next(0, length + 1);
        var shares = new[] { rng.NextDouble(), rng.NextDouble() < 0.3 ? 0 : rng.NextDouble(), rng.NextDouble() < 0.3 ? 0 : rng.NextDouble() };
        return new MerchandisingStrategy
        {
            Name = "random",
            ListLength = length,
            ModelShare = shares[0],
            FamiliarShare = shares[1],
            SegmentShare = shares[2],
            MinSlowShare = Math.Min(a, b) / (double)length,
            MaxSlowShare = Math.Max(a, b) / (double)length,
            AllowDead = rng.NextDouble() < 0.5,
            OneNewThing = rng.NextDouble() < 0.4,
        };
    }
}
