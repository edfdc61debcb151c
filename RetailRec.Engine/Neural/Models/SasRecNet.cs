using RetailRec.Engine.Neural.Autodiff;

namespace RetailRec.Engine.Neural.Models;

/// <summary>
/// SASRec (Kang and McAuley, 2018): item + learned position embeddings, pre-layer-norm transformer blocks with
/// causal multi-head self-attention and a GELU feed-forward layer, dropout on every residual branch, a final layer
/// norm, and the output tied to the item embedding.
/// </summary>
public sealed class SasRecNet : ISequenceNet
{
    private sealed record Block(Parameter Ln1G, Parameter Ln1B, Parameter Wq, Parameter Bq, Parameter Wk, Parameter Bk,
        Parameter Wv, Parameter Bv, Parameter Wo, Parameter Bo, Parameter Ln2G, Parameter Ln2B,
        Parameter W1, Parameter B1, Parameter W2, Parameter B2);

    private readonly Parameter _positions, _lnG, _lnB;
    private readonly Block[] _blocks;
    private readonly int _heads;
    private readonly float _dropout;

    public SasRecNet(int items, SequenceRecommenderOptions o)
    {
        var init = new ParameterInit(o.Seed);
        int d = o.Hidden;
        ItemEmbedding = init.Normal("item_embedding", 0.1f, items, d);
        _positions = init.Normal("positions", 0.1f, o.MaxLength, d);
        _blocks = new Block[o.Blocks];
        for (var b = 0; b < o.Blocks; b++)
        {
            var p = $"block{b}.";
            _blocks[b] = new Block(init.Constant(p + "ln1.g", 1, d), init.Constant(p + "ln1.b", 0, d),
                init.Xavier(p + "wq", d, d), init.Constant(p + "bq", 0, d), init.Xavier(p + "wk", d, d), init.Constant(p + "bk", 0, d),
                init.Xavier(p + "wv", d, d), init.Constant(p + "bv", 0, d), init.Xavier(p + "wo", d, d), init.Constant(p + "bo", 0, d),
                init.Constant(p + "ln2.g", 1, d), init.Constant(p + "ln2.b", 0, d),
                init.Xavier(p + "w1", d, d), init.Constant(p + "b1", 0, d), init.Xavier(p + "w2", d, d), init.Constant(p + "b2", 0, d));
        }
        _lnG = init.Constant("ln.g", 1, d);
        _lnB = init.Constant("ln.b", 0, d);
        Parameters = init.Created;
        _heads = o.Heads;
        _dropout = o.Dropout;
    }

    public string Kind => "SASRec";
    public IReadOnlyList<Parameter> Parameters { get; }
    public Parameter ItemEmbedding { get; }

    public Var Forward(Tape t, SequenceBatch batch)
    {
        int b = batch.Size, l = batch.Length;
        if (l > _positions.Shape[0]) throw new ArgumentException("sequence longer than the position table");
        var positions = new int[b * l];
        for (var i = 0; i < positions.Length; i++) positions[i] = i % l;
        var x = t.Add(t.Embedding(ItemEmbedding, batch.Inputs, b, l), t.Embedding(_positions, positions, b, l));
        x = t.Dropout(x, _dropout);
        foreach (var k in _blocks)
        {
            var a = t.LayerNorm(x, k.Ln1G, k.Ln1B);
            var att = t.CausalSelfAttention(t.Add(t.MatMul(a, k.Wq), k.Bq), t.Add(t.MatMul(a, k.Wk), k.Bk),
                t.Add(t.MatMul(a, k.Wv), k.Bv), _heads, batch.Valid);
            x = t.Add(x, t.Dropout(t.Add(t.MatMul(att, k.Wo), k.Bo), _dropout));
            var f = t.LayerNorm(x, k.Ln2G, k.Ln2B);
            f = t.Add(t.MatMul(t.Gelu(t.Add(t.MatMul(f, k.W1), k.B1)), k.W2), k.B2);
            x = t.Add(x, t.Dropout(f, _dropout));
        }
        return t.LayerNorm(x, _lnG, _lnB);
    }
}
