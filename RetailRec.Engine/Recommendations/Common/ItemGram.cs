using System.Collections.Concurrent;
using RetailRec.Engine.Recommendations.LinearAlgebra;

namespace RetailRec.Engine.Recommendations.Common;

/// <summary>
/// Co-occurrence (Gram) matrix G = X^T X of the binary customer x item matrix, restricted to items seen in training
/// and indexed compactly (<see cref="Items"/>[k] = catalogue index of compact item k). G[i, j] = customers who bought both.
/// </summary>
public sealed class ItemGram
{
    public int[] Items { get; }
    public int[] CompactOf { get; }   // catalogue index -> compact index, -1 when unseen
    public DenseMatrix G { get; }

    private ItemGram(int[] items, int[] compactOf, DenseMatrix g) { Items = items; CompactOf = compactOf; G = g; }

    public static ItemGram Build(CustomerItemMatrix x)
    {
        var compactOf = Enumerable.Repeat(-1, x.Cols).ToArray();
        var items = new List<int>();
        foreach (var i in x.ColIndex.Distinct().Order()) { compactOf[i] = items.Count; items.Add(i); }
        var n = items.Count;
        var g = new DenseMatrix(n);
        var byItem = x.Transpose();
        // Each worker owns whole rows of G (no locks): row a collects, for every buyer of a, that buyer's other items.
        Parallel.ForEach(Partitioner.Create(0, n, 16), range =>
        {
            for (var a = range.Item1; a < range.Item2; a++)
            {
                var row = g.Row(a);
                foreach (var c in byItem.RowItems(items[a]))
                    foreach (var j in x.RowItems(c)) row[compactOf[j]] += 1;
            }
        });
        return new ItemGram(items.ToArray(), compactOf, g);
    }
}
