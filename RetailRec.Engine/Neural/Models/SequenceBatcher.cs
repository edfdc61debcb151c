namespace RetailRec.Engine.Neural.Models;

/// <summary>A left-padded batch: [B, L] item indexes (-1 = padding), next-item targets (-1 = no loss) and the mask.</summary>
public sealed record SequenceBatch(int Size, int Length, int[] Inputs, int[] Targets, bool[] Valid);

/// <summary>
/// Turns customer sequences into training and inference batches.
/// Basket handling (items of one invoice share a timestamp, so their file order carries no information):
/// <list type="bullet">
/// <item><see cref="BasketTargets.NextItem"/> (default): the sequence is the baskets' items concatenated, with the items
/// of every basket re-shuffled each epoch (seeded), and every position predicts the next item. The model therefore
/// learns within-basket co-occurrence and basket-to-basket transitions, but cannot latch on to an arbitrary file order.</item>
/// <item><see cref="BasketTargets.NextBasket"/>: inputs are all items except the last basket's; each position predicts a
/// random item of the NEXT basket, never one of its own invoice, matching next-basket evaluation exactly.</item>
/// </list>
/// Sequences are truncated to the most recent L items and right-aligned (left padding), so the last position is
/// always the newest item: the one scored at inference.
/// </summary>
public static class SequenceBatcher
{
    public static SequenceBatch Training(IReadOnlyList<CustomerSequence> seqs, int length, BasketTargets mode, bool shuffleAll, Random rng)
    {
        var n = seqs.Count;
        var inputs = new int[n * length]; var targets = new int[n * length]; var valid = new bool[n * length];
        Array.Fill(inputs, -1); Array.Fill(targets, -1);
        for (var s = 0; s < n; s++)
        {
            var baskets = seqs[s].Baskets.Select(b => Shuffled(b, rng)).ToArray();
            if (shuffleAll)
            {
                baskets = [Shuffled(baskets.SelectMany(b => b).ToArray(), rng)];
                mode = BasketTargets.NextItem;
            }
            if (mode == BasketTargets.NextItem)
            {
                var items = baskets.SelectMany(b => b).ToArray();
                var take = Math.Min(length, items.Length - 1);
                for (var i = 0; i < take; i++)
                {
                    var src = items.Length - 1 - take + i;
                    var pos = s * length + length - take + i;
                    inputs[pos] = items[src]; targets[pos] = items[src + 1]; valid[pos] = true;
                }
            }
            else
            {
                if (baskets.Length < 2) continue;
                var flat = new List<(int Item, int Basket)>();
                for (var b = 0; b < baskets.Length - 1; b++) flat.AddRange(baskets[b].Select(i => (i, b)));
                var take = Math.Min(length, flat.Count);
                for (var i = 0; i < take; i++)
                {
                    var (item, basket) = flat[flat.Count - take + i];
                    var next = baskets[basket + 1];
                    var pos = s * length + length - take + i;
                    inputs[pos] = item; targets[pos] = next[rng.Next(next.Length)]; valid[pos] = true;
                }
            }
        }
        return new SequenceBatch(n, length, inputs, targets, valid);
    }

    /// <summary>The most recent L items in basket file order, right-aligned; targets are all -1.</summary>
    public static SequenceBatch Inference(IReadOnlyList<CustomerSequence> seqs, int length)
    {
        var n = seqs.Count;
        var inputs = new int[n * length]; var targets = new int[n * length]; var valid = new bool[n * length];
        Array.Fill(inputs, -1); Array.Fill(targets, -1);
        for (var s = 0; s < n; s++)
        {
            var items = seqs[s].Baskets.SelectMany(b => b).ToArray();
            var take = Math.Min(length, items.Length);
            for (var i = 0; i < take; i++)
            {
                var pos = s * length + length - take + i;
                inputs[pos] = items[items.Length - take + i]; valid[pos] = true;
            }
        }
        return new SequenceBatch(n, length, inputs, targets, valid);
    }

    private static int[] Shuffled(int[] items, Random rng)
    {
        var copy = (int[])items.Clone();
        for (var i = copy.Length - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }
        return copy;
    }
}
