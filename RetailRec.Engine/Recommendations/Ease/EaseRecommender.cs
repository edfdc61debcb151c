using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Recommendations.Common;
using RetailRec.Engine.Recommendations.LinearAlgebra;

namespace RetailRec.Engine.Recommendations.Ease;

/// <summary>
/// EASE^R (Steck 2019): item-item weights in closed form, B = I - P diagMat(1/diag(P)) with P = (X^T X + lambda I)^-1,
/// i.e. B[j, i] = -P[j, i] / P[i, i] and a zero diagonal. X is the binary customer x item matrix of training,
/// restricted to items seen in training. Score(c) = x_c B.
/// </summary>
public sealed class EaseRecommender(double lambda = 250) : IRecommender
{
    private DenseMatrix _b = null!;
    private ItemGram _gram = null!;
    private CustomerItemMatrix _x = null!;
    private RetailLog _train = null!;

    public string Name => "EASE";
    public string Parameters => $"lambda={lambda}";

    /// <summary>Compact-indexed weights (rows = history item, columns = candidate); exposed for tests and explanations.</summary>
    internal DenseMatrix Weights => _b;
    internal ItemGram Gram => _gram;

    public void Fit(RetailLog train, IProgress<double>? progress, CancellationToken ct)
    {
        _train = train;
        _x = Binary(CustomerItemMatrix.FromBaskets(train));
        _gram = ItemGram.Build(_x);
        var n = _gram.Items.Length;
        var a = new DenseMatrix(n);
        _gram.G.Data.CopyTo(a.Data, 0);
        for (var i = 0; i < n; i++) a[i, i] += (float)lambda;
        progress?.Report(0.2);
        var p = Cholesky.Invert(a, ct);
        progress?.Report(0.9);
        var diag = new float[n];
        for (var i = 0; i < n; i++) diag[i] = p[i, i];
        Parallel.For(0, n, j =>
        {
            var row = p.Row(j);
            for (var i = 0; i < n; i++) row[i] = i == j ? 0 : -row[i] / diag[i];
        });
        _b = p;
        progress?.Report(1);
    }

    internal static CustomerItemMatrix Binary(CustomerItemMatrix m)
    {
        Array.Fill(m.Values, 1f);
        return m;
    }

    public void Score(int customer, Span<float> scores)
    {
        scores.Clear();
        if (customer < 0 || customer >= _x.Rows) return;
        var n = _gram.Items.Length;
        var acc = n <= 4096 ? stackalloc float[n] : new float[n];
        acc.Clear();
        foreach (var j in _x.RowItems(customer))
            System.Numerics.Tensors.TensorPrimitives.Add(acc, _b.Row(_gram.CompactOf[j]), acc);
        for (var k = 0; k < n; k++) scores[_gram.Items[k]] = acc[k];
    }

    public string Explain(int customer, int item)
    {
        // The history item with the largest weight towards this item is the most useful "because".
        var k = _gram.CompactOf[item];
        if (k < 0 || customer < 0 || customer >= _x.Rows) return "items like your past purchases";
        var best = -1; var bestW = 0f;
        foreach (var j in _x.RowItems(customer))
        {
            var w = _b[_gram.CompactOf[j], k];
            if (w > bestW) { bestW = w; best = j; }
        }
        return best < 0 ? "items like your past purchases" : $"customers who bought {_train.ItemDescriptions[best]} also bought this";
    }
}
