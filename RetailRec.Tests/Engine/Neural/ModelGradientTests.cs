using RetailRec.Engine.Neural.Autodiff;
using RetailRec.Engine.Neural.Models;

namespace RetailRec.Tests.Engine.Neural;

/// <summary>Finite-difference checks of whole tiny networks, loss included (dropout off so the function is fixed).</summary>
public class ModelGradientTests
{
    private static readonly SequenceRecommenderOptions Tiny = new() { Hidden = 8, Heads = 2, Blocks = 2, MaxLength = 5, Dropout = 0, Seed = 3 };

    private static SequenceBatch Batch() => new(2, 5,
        [-1, -1, 3, 1, 6, 0, 2, 2, 5, 4],
        [-1, -1, 1, 6, 2, 2, 2, 5, 4, 0],
        [false, false, true, true, true, true, true, true, true, true]);

    private static void CheckNet(ISequenceNet net)
    {
        var batch = Batch();
        // Embeddings are scaled up and the loss by 10 so that gradients deep in the network stand well above float32
        // rounding noise of the finite differences (at the default init the GRU's gradients are ~1e-4).
        // The key bias is left out: it shifts every score of a query row equally, so softmax makes its gradient exactly 0.
        foreach (ref var x in net.ItemEmbedding.Value.Span) x *= 5;
        GradCheck.Check(t => t.Scale(t.SoftmaxCrossEntropy(net.Forward(t, batch), net.ItemEmbedding, batch.Targets), 10f),
            [.. net.Parameters.Where(p => !p.Name.EndsWith(".bk"))], 2e-2f, 1e-2, 6);
    }

    [Fact]
    public void SasRec_forward_and_loss_gradients_match_finite_differences() => CheckNet(new SasRecNet(7, Tiny));

    [Fact]
    public void Gru4Rec_forward_and_loss_gradients_match_finite_differences() => CheckNet(new Gru4RecNet(7, Tiny));

    [Fact]
    public void Attention_does_not_look_ahead()
    {
        var net = new SasRecNet(7, Tiny);
        var a = Batch();
        var changed = a with { Inputs = (int[])a.Inputs.Clone() };
        changed.Inputs[3] = 5;  // sequence 0, position 3
        changed.Inputs[8] = 0;  // sequence 1, position 3
        using var tape = new Tape();
        var ya = net.Forward(tape, a).Value.Span.ToArray();
        var yb = net.Forward(tape, changed).Value.Span.ToArray();
        const int d = 8;
        for (var s = 0; s < 2; s++)
        {
            for (var i = 0; i < 3; i++)
                Assert.Equal(ya.AsSpan((s * 5 + i) * d, d).ToArray(), yb.AsSpan((s * 5 + i) * d, d).ToArray());
            // ...while the changed position itself does change (the test is not vacuous).
            Assert.NotEqual(ya.AsSpan((s * 5 + 3) * d, d).ToArray(), yb.AsSpan((s * 5 + 3) * d, d).ToArray());
        }
    }
}
