namespace RetailRec.Engine.Neural.Models;

/// <summary>SASRec next-basket recommender (see <see cref="SasRecNet"/> and <see cref="SequenceRecommender"/>).</summary>
public sealed class SasRecRecommender(SequenceRecommenderOptions? options = null) : SequenceRecommender(options ?? new())
{
    public override string Name => "SASRec";
    protected override ISequenceNet CreateNet(int itemCount) => new SasRecNet(itemCount, Options);
}

/// <summary>GRU4Rec next-basket recommender (see <see cref="Gru4RecNet"/> and <see cref="SequenceRecommender"/>).</summary>
public sealed class Gru4RecRecommender(SequenceRecommenderOptions? options = null) : SequenceRecommender(options ?? new() { Blocks = 1 })
{
    public override string Name => "GRU4Rec";
    protected override ISequenceNet CreateNet(int itemCount) => new Gru4RecNet(itemCount, Options);
}
