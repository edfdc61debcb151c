using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using RetailRec.Engine.Neural.Tensors;

namespace RetailRec.Engine.Neural.Autodiff;

public static class EmbeddingOp
{
    /// <summary>
    /// Rows of <paramref name="table"/> [V, D] picked by <paramref name="indexes"/>; index -1 is padding and gives a
    /// zero row with no gradient. Output shape is <paramref name="shape"/> + [D]. The backward pass scatter-adds in
    /// index order (sequentially), so repeated items accumulate deterministically.
    /// </summary>
    public static Var Embedding(this Tape tape, Var table, int[] indexes, params int[] shape)
    {
        if (Tensor.Count(shape) != indexes.Length) throw new ArgumentException("shape does not match the index count");
        var d = table.Value.LastDim;
        var v = table.Value.Rows;
        var y = Tensor.Uninitialized([.. shape, d]);
        for (var i = 0; i < indexes.Length; i++)
        {
            var idx = indexes[i];
            var dst = y.Span.Slice(i * d, d);
            if (idx < 0) { dst.Clear(); continue; }
            if (idx >= v) throw new ArgumentOutOfRangeException(nameof(indexes), $"index {idx} outside the table of {v} rows");
            table.Value.Span.Slice(idx * d, d).CopyTo(dst);
        }
        return tape.Node(y, o =>
        {
            var gt = table.GradBuffer().Span;
            var g = o.Grad!.Span;
            for (var i = 0; i < indexes.Length; i++)
            {
                var idx = indexes[i];
                if (idx < 0) continue;
                var dst = gt.Slice(idx * d, d);
                TensorPrimitives.Add(dst, g.Slice(i * d, d), dst);
            }
        }, table);
    }
}
