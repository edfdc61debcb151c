using RetailRec.Engine.Recommendations.Ease;
using RetailRec.Engine.Recommendations.Neighbourhood;
using static RetailRec.Tests.Engine.Recommendations.TinyLogs;

namespace RetailRec.Tests.Engine.Recommendations;

public class EaseAndItemKnnTests
{
    [Fact]
    public void Ease_closed_form_equals_the_constrained_least_squares_solved_directly()
    {
        // EASE column i solves min ||X_i - X_{-i} b||^2 + lambda ||b||^2, i.e. (G_{-i,-i} + lambda I) b = G_{-i,i}.
        var rng = new Random(5);
        var baskets = Enumerable.Range(0, 40)
            .Select(c => ("C" + c, c, string.Join(' ', Enumerable.Range(0, 6).Where(_ => rng.NextDouble() < 0.4).Select(i => "I" + i).DefaultIfEmpty("I0"))))
            .ToArray();
        var log = Build(baskets);
        const double lambda = 3;
        var model = new EaseRecommender(lambda);
        model.Fit(log, null, default);
        var gram = model.Gram;
        var n = gram.Items.Length;
        for (var i = 0; i < n; i++)
        {
            var others = Enumerable.Range(0, n).Where(j => j != i).ToArray();
            var a = new double[n - 1, n - 1];
            var rhs = new double[n - 1];
            for (var r = 0; r < n - 1; r++)
            {
                rhs[r] = gram.G[others[r], i];
                for (var s = 0; s < n - 1; s++) a[r, s] = gram.G[others[r], others[s]] + (r == s ? lambda : 0);
            }
            var b = LinearAlgebraTests.DirectSolve(a, rhs);
            for (var r = 0; r < n - 1; r++) Assert.Equal(b[r], model.Weights[others[r], i], 4);
            Assert.Equal(0f, model.Weights[i, i]);
        }
        // Scores are x_c B: customer C0's scores are the sum of the B rows of its items.
        var scores = Scores(model, log, "C0");
        var own = log.Baskets[0].Items;
        foreach (var item in Enumerable.Range(0, log.ItemCount))
            Assert.Equal(own.Sum(j => model.Weights[gram.CompactOf[j], gram.CompactOf[item]]), scores[item], 4);
    }

    [Fact]
    public void Item_knn_scores_are_sums_of_hand_computed_cosines()
    {
        // Buyers: X = {A, B, C}, Y = {A, B}, Z = {C}. cos(X,Y) = 2/sqrt(6), cos(X,Z) = 1/sqrt(3), cos(Y,Z) = 0.
        var log = Build(("A", 0, "X Y"), ("B", 1, "X Y"), ("C", 2, "X Z"));
        var model = new ItemKnnRecommender(neighbours: 10);
        model.Fit(log, null, default);
        var s = Scores(model, log, "C");
        Assert.Equal(2 / Math.Sqrt(6), s[I(log, "Y")], 5);
        Assert.Equal(1 / Math.Sqrt(3), s[I(log, "X")], 5);
        Assert.Equal(1 / Math.Sqrt(3), s[I(log, "Z")], 5);
        Assert.Equal("customers who bought ITEM X also bought this", model.Explain(C(log, "C"), I(log, "Y")));
        // Neighbourhood size 1 keeps only each item's best neighbour: Z's best is X, X's best is Y.
        var pruned = new ItemKnnRecommender(neighbours: 1);
        pruned.Fit(log, null, default);
        var p = Scores(pruned, log, "C");
        Assert.Equal(2 / Math.Sqrt(6), p[I(log, "Y")], 5);   // from X
        Assert.Equal(1 / Math.Sqrt(3), p[I(log, "X")], 5);   // from Z
        Assert.Equal(0f, p[I(log, "Z")]);                     // X's only neighbour is Y
    }
}
