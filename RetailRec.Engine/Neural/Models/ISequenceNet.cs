using RetailRec.Engine.Neural.Autodiff;

namespace RetailRec.Engine.Neural.Models;

/// <summary>
/// A sequence encoder whose output hidden states [B, L, D] are scored against the tied item embedding
/// (<see cref="ItemEmbedding"/> [V, D] is both the input lookup and the output layer).
/// </summary>
public interface ISequenceNet
{
    string Kind { get; }
    IReadOnlyList<Parameter> Parameters { get; }
    Parameter ItemEmbedding { get; }
    Var Forward(Tape tape, SequenceBatch batch);
}
