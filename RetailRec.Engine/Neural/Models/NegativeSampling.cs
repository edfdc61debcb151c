namespace RetailRec.Engine.Neural.Models;

/// <summary>Candidate negatives for the sampled softmax losses.</summary>
public static class NegativeSampling
{
    /// <summary>
    /// Targets of up to <paramref name="count"/> randomly chosen positions of the batch, de-duplicated in draw order.
    /// Items are therefore proposed roughly in proportion to their popularity, which the logQ correction undoes.
    /// </summary>
    public static int[] InBatch(int[] targets, int count, Random rng)
    {
        var positions = Enumerable.Range(0, targets.Length).Where(i => targets[i] >= 0).ToArray();
        if (positions.Length == 0) return [];
        var seen = new HashSet<int>();
        var result = new List<int>(count);
        for (var k = 0; k < count; k++)
        {
            var item = targets[positions[rng.Next(positions.Length)]];
            if (seen.Add(item)) result.Add(item);
        }
        return [.. result];
    }

    /// <summary><paramref name="count"/> distinct items drawn uniformly (partial Fisher-Yates).</summary>
    public static int[] Uniform(int items, int count, Random rng)
    {
        count = Math.Min(count, items);
        var pool = Enumerable.Range(0, items).ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = i + rng.Next(items - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool[..count];
    }
}
