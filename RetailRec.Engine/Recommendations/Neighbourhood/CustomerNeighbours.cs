using RetailRec.Engine.Recommendations.Evaluation;
using RetailRec.Engine.Recommendations.Common;

namespace RetailRec.Engine.Recommendations.Neighbourhood;

/// <summary>
/// Cosine nearest customers over weighted customer x item rows, found on demand through the item -> customers index
/// (cost = sum of the buyer counts of the customer's items), so the live path needs no precomputed user-user matrix.
/// </summary>
public sealed class CustomerNeighbours
{
    private readonly CustomerItemMatrix _rows;
    private readonly CustomerItemMatrix _byItem;
    private readonly float[] _norm;

    public CustomerNeighbours(CustomerItemMatrix rows)
    {
        _rows = rows;
        _byItem = rows.Transpose();
        _norm = new float[rows.Rows];
        for (var c = 0; c < rows.Rows; c++)
        {
            var v = rows.RowValues(c);
            _norm[c] = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.Dot(v, v));
        }
    }

    public CustomerItemMatrix Rows => _rows;

    /// <summary>The <paramref name="k"/> most similar other customers with their cosine, best first.</summary>
    public (int Customer, float Sim)[] Of(int customer, int k)
    {
        if (customer < 0 || customer >= _rows.Rows || _norm[customer] == 0) return [];
        var acc = new float[_rows.Rows];
        var items = _rows.RowItems(customer);
        var w = _rows.RowValues(customer);
        for (var t = 0; t < items.Length; t++)
        {
            var buyers = _byItem.RowItems(items[t]);
            var bw = _byItem.RowValues(items[t]);
            for (var u = 0; u < buyers.Length; u++) acc[buyers[u]] += w[t] * bw[u];
        }
        acc[customer] = 0;
        for (var u = 0; u < acc.Length; u++) acc[u] = acc[u] > 0 ? acc[u] / (_norm[customer] * _norm[u]) : float.NaN;
        return TopK.Select(acc, k).Select(u => (u, acc[u])).ToArray();
    }
}
