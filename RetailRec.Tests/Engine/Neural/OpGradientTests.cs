using RetailRec.Engine.Neural.Autodiff;
using static RetailRec.Tests.Engine.Neural.GradCheck;

namespace RetailRec.Tests.Engine.Neural;

/// <summary>Finite-difference gradient checks for every differentiable op of the engine.</summary>
public class OpGradientTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void MatMul_all_transposes(bool ta, bool tb)
    {
        var a = Param("a", 1, ta ? [4, 3] : [3, 4]);
        var b = Param("b", 2, tb ? [5, 4] : [4, 5]);
        Check(t => Project(t, t.MatMul(a, b, ta, tb)), a, b);
    }

    [Fact]
    public void MatMul_with_rank3_left_operand()
    {
        var a = Param("a", 1, 2, 3, 4);
        var b = Param("b", 2, 4, 5);
        Check(t => Project(t, t.MatMul(a, b)), a, b);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void BatchedMatMul_all_transposes(bool ta, bool tb)
    {
        var a = Param("a", 1, ta ? [2, 4, 3] : [2, 3, 4]);
        var b = Param("b", 2, tb ? [2, 5, 4] : [2, 4, 5]);
        Check(t => Project(t, t.BatchedMatMul(a, b, ta, tb)), a, b);
    }

    [Fact]
    public void Add_and_Mul_same_shape_bias_and_general_broadcast()
    {
        var x = Param("x", 1, 3, 4);
        var y = Param("y", 2, 3, 4);
        var bias = Param("bias", 3, 4);
        var col = Param("col", 4, 3, 1);
        var cube = Param("cube", 5, 2, 1, 4);
        Check(t => Project(t, t.Add(t.Mul(t.Add(x, y), bias), col)), x, y, bias, col);
        Check(t => Project(t, t.Mul(cube, t.Add(x, col))), cube, x, col);
    }

    [Fact]
    public void Scale_Reshape_Mean()
    {
        var x = Param("x", 1, 3, 4);
        Check(t => t.Add(Project(t, t.Reshape(t.Scale(x, 2.5f), 4, 3)), t.Mean(t.Mul(x, x))), x);
    }

    [Fact]
    public void Activations()
    {
        var x = AwayFromZero("x", 1, 4, 5);
        Check(t => Project(t, t.Relu(x)), [x], 1e-3f, 1e-2, 20);
        Check(t => Project(t, t.Gelu(x)), x);
        Check(t => Project(t, t.Tanh(x)), x);
        Check(t => Project(t, t.Sigmoid(x)), x);
    }

    [Fact]
    public void Softmax_and_LogSoftmax()
    {
        var x = Param("x", 1, 3, 6);
        Check(t => Project(t, t.Softmax(t.Scale(x, 3))), x);
        Check(t => Project(t, t.LogSoftmax(t.Scale(x, 3))), x);
    }

    [Fact]
    public void LayerNorm()
    {
        var x = Param("x", 1, 5, 8);
        var g = Param("gamma", 2, 8);
        var b = Param("beta", 3, 8);
        Check(t => Project(t, t.LayerNorm(x, g, b)), x, g, b);
    }

    [Fact]
    public void Dropout_uses_the_same_seeded_mask_forward_and_backward()
    {
        var x = Param("x", 1, 6, 7);
        Check(t => Project(t, t.Dropout(x, 0.3f)), x);
    }

    [Fact]
    public void Embedding_scatter_add_with_repeats_and_padding()
    {
        var table = Param("table", 1, 5, 3);
        int[] idx = [2, -1, 2, 4, 0, 2];
        Check(t => Project(t, t.Embedding(table, idx, 2, 3)), table);
    }

    [Fact]
    public void Causal_attention_with_padding()
    {
        var q = Param("q", 1, 2, 4, 6);
        var k = Param("k", 2, 2, 4, 6);
        var v = Param("v", 3, 2, 4, 6);
        bool[] valid = [false, true, true, true, true, true, false, true]; // left padding + a padded gap
        Check(t => Project(t, t.CausalSelfAttention(q, k, v, heads: 2, valid)), q, k, v);
    }

    [Fact]
    public void Gru_unrolled_through_time_with_padding()
    {
        var x = Param("xProj", 1, 2, 4, 9);
        var w = Param("whh", 2, 3, 9);
        var b = Param("bhh", 3, 9);
        bool[] valid = [false, true, true, true, true, true, true, true];
        Check(t => Project(t, t.GruRecurrence(x, w, b, valid)), x, w, b);
    }

    [Fact]
    public void Fused_softmax_cross_entropy_over_several_chunks()
    {
        var rows = FusedSoftmaxCrossEntropy.ChunkRows + 37;
        var h = Param("h", 1, rows, 4);
        var w = Param("w", 2, 7, 4);
        var targets = Enumerable.Range(0, rows).Select(i => i % 11 == 0 ? -1 : i * 5 % 7).ToArray();
        Check(t => t.Scale(t.SoftmaxCrossEntropy(h, w, targets), 50f), [h, w], 1e-2f, 1e-2, 30);
    }

    [Fact]
    public void Fused_cross_entropy_equals_unfused_log_softmax_reference()
    {
        var h = Param("h", 1, 6, 4);
        var w = Param("w", 2, 9, 4);
        int[] targets = [3, -1, 0, 8, 8, 2];
        using var tape = new Tape();
        var fused = tape.SoftmaxCrossEntropy(h, w, targets).Value[0];
        var logp = tape.LogSoftmax(tape.MatMul(h, w, transB: true)).Value;
        var valid = targets.Select((t, i) => (t, i)).Where(p => p.t >= 0).ToArray();
        var reference = -valid.Average(p => logp[p.i * 9 + p.t]);
        Assert.Equal(reference, fused, 4);
    }

    [Fact]
    public void Sampled_softmax_with_logq_correction()
    {
        var h = Param("h", 1, 6, 4);
        var w = Param("w", 2, 9, 4);
        int[] targets = [3, -1, 0, 8, 5, 2];
        int[] negatives = [1, 3, 7, 8, 4]; // contains some targets: accidental hits are masked
        var logQ = Enumerable.Range(0, 9).Select(i => MathF.Log((i + 1) / 45f)).ToArray();
        Check(t => t.SampledSoftmaxCrossEntropy(h, w, targets, negatives, logQ), h, w);
    }

    [Fact]
    public void Mse_loss()
    {
        var x = Param("x", 1, 3, 4);
        var target = Param("target", 2, 3, 4).Value;
        Check(t => t.MseLoss(x, target), x);
    }
}
