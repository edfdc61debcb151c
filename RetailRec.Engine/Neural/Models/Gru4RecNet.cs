using RetailRec.Engine.Neural.Autodiff;

namespace RetailRec.Engine.Neural.Models;

/// <summary>
/// GRU4Rec (Hidasi et al.): item embedding, stacked GRU layers (the input projection of all steps is one GEMM, the
/// recurrence is the fused <see cref="GruOp"/>), dropout between layers, output tied to the item embedding.
/// </summary>
public sealed class Gru4RecNet : ISequenceNet
{
    private readonly (Parameter Wih, Parameter Bih, Parameter Whh, Parameter Bhh)[] _layers;
    private readonly float _dropout;

    public Gru4RecNet(int items, SequenceRecommenderOptions o)
    {
        var init = new ParameterInit(o.Seed);
        int d = o.Hidden;
        ItemEmbedding = init.Normal("item_embedding", 0.1f, items, d);
        _layers = new (Parameter, Parameter, Parameter, Parameter)[o.Blocks];
        for (var i = 0; i < o.Blocks; i++)
            _layers[i] = (init.Xavier($"gru{i}.wih", d, 3 * d), init.Constant($"gru{i}.bih", 0, 3 * d),
                init.Xavier($"gru{i}.whh", d, 3 * d), init.Constant($"gru{i}.bhh", 0, 3 * d));
        Parameters = init.Created;
        _dropout = o.Dropout;
    }

    public string Kind => "GRU4Rec";
    public IReadOnlyList<Parameter> Parameters { get; }
    public Parameter ItemEmbedding { get; }

    public Var Forward(Tape t, SequenceBatch batch)
    {
        var x = t.Dropout(t.Embedding(ItemEmbedding, batch.Inputs, batch.Size, batch.Length), _dropout);
        foreach (var (wih, bih, whh, bhh) in _layers)
        {
            var xp = t.Add(t.MatMul(x, wih), bih);
            x = t.Dropout(t.GruRecurrence(xp, whh, bhh, batch.Valid), _dropout);
        }
        return x;
    }
}
