using RetailRec.Engine.Recommendations.Neighbourhood;
using RetailRec.Engine.Recommendations.Sequential;
using static RetailRec.Tests.Engine.Recommendations.TinyLogs;

namespace RetailRec.Tests.Engine.Recommendations;

public class SequenceAndNeighbourTests
{
    [Fact]
    public void Markov_chain_averages_transition_probabilities_from_the_last_basket()
    {
        // Pairs: A: {X} -> {Y Z}; B: {X} -> {Y} -> {W}. P(Y|X) = 2/2, P(Z|X) = 1/2, P(W|Y) = 1/1.
        var log = Build(("A", 0, "X"), ("B", 0, "X"), ("C", 0, "X"), ("A", 1, "Y Z"), ("B", 1, "Y"), ("B", 2, "W"));
        var model = new MarkovChainRecommender();
        model.Fit(log, null, default);
        Assert.Equal(1f, model.Transition(I(log, "X"), I(log, "Y")));
        Assert.Equal(0.5f, model.Transition(I(log, "X"), I(log, "Z")));
        var c = Scores(model, log, "C");                     // last basket {X}
        Assert.Equal(1f, c[I(log, "Y")]); Assert.Equal(0.5f, c[I(log, "Z")]); Assert.Equal(0f, c[I(log, "W")]);
        var a = Scores(model, log, "A");                     // last basket {Y, Z}: (P(W|Y) + P(W|Z)) / 2
        Assert.Equal(0.5f, a[I(log, "W")]);
        Assert.Equal("often bought in the order after ITEM X", model.Explain(C(log, "C"), I(log, "Y")));
    }

    [Fact]
    public void User_knn_votes_with_cosine_of_purchase_sets()
    {
        // cos(A, B) = 2 / sqrt(2 * 3); C shares nothing with A.
        var log = Build(("A", 0, "X Y"), ("B", 0, "X Y Z"), ("C", 0, "W"));
        var model = new UserKnnRecommender(neighbours: 5);
        model.Fit(log, null, default);
        var s = Scores(model, log, "A");
        var cos = (float)(2 / Math.Sqrt(6));
        Assert.Equal(cos, s[I(log, "Z")], 5);
        Assert.Equal(cos, s[I(log, "X")], 5);
        Assert.Equal(0f, s[I(log, "W")]);
        Assert.Equal("1 customers with tastes like yours bought this", model.Explain(C(log, "A"), I(log, "Z")));
    }

    [Fact]
    public void Tifu_knn_blends_the_decayed_own_vector_with_the_neighbours_vector()
    {
        // A: {X} then {X Y}; decay 0.5 -> weights 0.5 and 1, total 1.5 -> own X = 1, Y = 2/3.
        // B: {Y Z} -> Y = Z = 1; B is A's only neighbour (D shares nothing). alpha 0.6, k 1:
        // X = 0.6 * 1, Y = 0.6 * 2/3 + 0.4 * 1, Z = 0.4 * 1.
        var log = Build(("A", 0, "X"), ("A", 1, "X Y"), ("B", 1, "Y Z"), ("D", 1, "Q"));
        var model = new TifuKnnRecommender(neighbours: 1, basketDecay: 0.5, alpha: 0.6);
        model.Fit(log, null, default);
        var s = Scores(model, log, "A");
        Assert.Equal(0.6f, s[I(log, "X")], 5);
        Assert.Equal(0.8f, s[I(log, "Y")], 5);
        Assert.Equal(0.4f, s[I(log, "Z")], 5);
        Assert.Equal(0f, s[I(log, "Q")]);
        Assert.Equal("you buy this regularly", model.Explain(C(log, "A"), I(log, "X")));
        Assert.Equal("1 customers with baskets like yours bought this", model.Explain(C(log, "A"), I(log, "Z")));
    }
}
