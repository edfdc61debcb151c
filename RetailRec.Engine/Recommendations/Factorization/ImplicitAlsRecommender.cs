using System.Numerics.Tensors;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Recommendations.Common;

namespace RetailRec.Engine.Recommendations.Factorization;

/// <summary>
/// Implicit-feedback matrix factorisation by alternating least squares (Hu, Koren and Volinsky 2008).
/// Preference p = 1 for every bought (customer, item), confidence c = 1 + alpha * r with r = baskets containing it;
/// loss = sum over ALL pairs c (p - x_u . y_i)^2 + lambda (|X|^2 + |Y|^2).
/// Each half-step solves (Y^T Y + Y^T (C_u - I) Y + lambda I) x_u = Y^T C_u p_u by a few warm-started conjugate-gradient
/// steps (Takacs et al. 2011): O(f^2 + |row| f) per customer instead of a full f^3 solve.
/// </summary>
public sealed class ImplicitAlsRecommender(int factors = 64, int iterations = 15, double alpha = 10, double lambda = 1,
    int cgSteps = 3, int seed = 42) : IRecommender
{
    private CustomerItemMatrix _r = null!;
    private CustomerItemMatrix _rt = null!;

    public string Name => "ALS";
    public string Parameters => $"f={factors};iters={iterations};alpha={alpha};lambda={lambda};cg={cgSteps}";

    internal float[] UserFactors { get; private set; } = [];
    internal float[] ItemFactors { get; private set; } = [];

    /// <summary>Loss after each iteration (filled when <c>trackLoss</c> is set; used by tests).</summary>
    internal List<double> LossHistory { get; } = [];
    internal bool TrackLoss { get; init; }

    public void Fit(RetailLog train, IProgress<double>? progress, CancellationToken ct)
    {
        _r = CustomerItemMatrix.FromBaskets(train);
        _rt = _r.Transpose();
        var rng = new Random(seed);
        UserFactors = Init(_r.Rows, rng);
        ItemFactors = Init(_r.Cols, rng);
        LossHistory.Clear();
        for (var it = 0; it < iterations; it++)
        {
            ct.ThrowIfCancellationRequested();
            HalfStep(_r, UserFactors, ItemFactors);
            HalfStep(_rt, ItemFactors, UserFactors);
            if (TrackLoss) LossHistory.Add(Loss());
            progress?.Report((it + 1.0) / iterations);
        }
    }

    private float[] Init(int rows, Random rng)
    {
        var v = new float[rows * factors];
        for (var k = 0; k < v.Length; k++) v[k] = (float)((rng.NextDouble() - 0.5) * 0.02);
        return v;
    }

    /// <summary>Updates every row of <paramref name="solve"/> given the fixed <paramref name="fixedF"/>.</summary>
    private void HalfStep(CustomerItemMatrix r, float[] solve, float[] fixedF)
    {
        var f = factors;
        var gram = Gram(fixedF, f); // Y^T Y, shared by all rows
        Parallel.For(0, r.Rows, () => new float[3 * f], (u, _, buf) =>
        {
            var x = solve.AsSpan(u * f, f);
            var res = buf.AsSpan(0, f); var p = buf.AsSpan(f, f); var ap = buf.AsSpan(2 * f, f);
            var items = r.RowItems(u);
            var vals = r.RowValues(u);
            // residual = b - A x, with b = sum_i c_i y_i and A x = (YtY + lambda) x + sum_i (c_i - 1) (y_i . x) y_i
            Apply(gram, x, res, items, vals, fixedF);
            TensorPrimitives.Negate(res, res);
            for (var t = 0; t < items.Length; t++)
                TensorPrimitives.MultiplyAdd(fixedF.AsSpan(items[t] * f, f), (float)(1 + alpha * vals[t]), res, res);
            res.CopyTo(p);
            var rsOld = TensorPrimitives.Dot(res, res);
            for (var s = 0; s < cgSteps && rsOld > 1e-12f; s++)
            {
                Apply(gram, p, ap, items, vals, fixedF);
                var step = rsOld / TensorPrimitives.Dot(p, ap);
                TensorPrimitives.MultiplyAdd(p, step, x, x);
                TensorPrimitives.MultiplyAdd(ap, -step, res, res);
                var rsNew = TensorPrimitives.Dot(res, res);
                TensorPrimitives.MultiplyAdd(p, rsNew / rsOld, res, p);
                rsOld = rsNew;
            }
            return buf;
        }, _ => { });
    }

    private void Apply(float[] gram, ReadOnlySpan<float> v, Span<float> result, ReadOnlySpan<int> items, ReadOnlySpan<float> vals,
        float[] fixedF)
    {
        var f = factors;
        for (var a = 0; a < f; a++) result[a] = TensorPrimitives.Dot(gram.AsSpan(a * f, f), v) + (float)lambda * v[a];
        for (var t = 0; t < items.Length; t++)
        {
            var y = fixedF.AsSpan(items[t] * f, f);
            var coef = (float)(alpha * vals[t]) * TensorPrimitives.Dot(y, v);
            TensorPrimitives.MultiplyAdd(y, coef, result, result);
        }
    }

    private static float[] Gram(float[] m, int f)
    {
        var rows = m.Length / f;
        var g = new double[f * f];
        for (var r = 0; r < rows; r++)
            for (var a = 0; a < f; a++)
            {
                var va = m[r * f + a];
                if (va == 0) continue;
                for (var b = 0; b < f; b++) g[a * f + b] += va * m[r * f + b];
            }
        return g.Select(v => (float)v).ToArray();
    }

    /// <summary>The full objective: sum_u x_u^T (Y^T Y) x_u counts every pair as (0 - s)^2; observed pairs are then corrected.</summary>
    internal double Loss()
    {
        var f = factors;
        var gram = Gram(ItemFactors, f);
        double loss = 0;
        for (var u = 0; u < _r.Rows; u++)
        {
            var x = UserFactors.AsSpan(u * f, f);
            for (var a = 0; a < f; a++) loss += x[a] * TensorPrimitives.Dot(gram.AsSpan(a * f, f), x);
            var items = _r.RowItems(u);
            var vals = _r.RowValues(u);
            for (var t = 0; t < items.Length; t++)
            {
                double s = TensorPrimitives.Dot(x, ItemFactors.AsSpan(items[t] * f, f));
                loss += (1 + alpha * vals[t]) * (1 - s) * (1 - s) - s * s;
            }
        }
        loss += lambda * (TensorPrimitives.Dot(UserFactors, UserFactors) + (double)TensorPrimitives.Dot(ItemFactors, ItemFactors));
        return loss;
    }

    public void Score(int customer, Span<float> scores)
    {
        scores.Clear();
        if (customer < 0 || customer >= _r.Rows) return;
        var x = UserFactors.AsSpan(customer * factors, factors);
        for (var i = 0; i < scores.Length && i < _r.Cols; i++) scores[i] = TensorPrimitives.Dot(x, ItemFactors.AsSpan(i * factors, factors));
    }

    public string Explain(int customer, int item) => "matches the taste profile of your past purchases";
}
