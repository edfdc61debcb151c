namespace RetailRec.Engine.Neural.Models;

public enum SequenceLoss
{
    /// <summary>Cross-entropy over the full item vocabulary at every position (fused with the tied output layer).</summary>
    FullSoftmax,
    /// <summary>Sampled softmax whose negatives are targets of other positions in the batch, with logQ (popularity) correction.</summary>
    InBatchNegatives,
    /// <summary>Sampled softmax with uniformly drawn negatives (logQ is constant, so the correction cancels).</summary>
    UniformNegatives,
}

/// <summary>What a position is trained to predict; see <see cref="SequenceBatcher"/> for the basket handling.</summary>
public enum BasketTargets
{
    /// <summary>The next item of the flattened sequence, with items shuffled inside each basket every epoch.</summary>
    NextItem,
    /// <summary>A random item of the next basket (never an item of the same invoice).</summary>
    NextBasket,
}

/// <summary>Hyperparameters shared by GRU4Rec and SASRec. Stored in checkpoints.</summary>
public sealed record SequenceRecommenderOptions
{
    public int Hidden { get; init; } = 64;
    public int Blocks { get; init; } = 2;          // SASRec blocks or GRU layers
    public int Heads { get; init; } = 2;
    public int MaxLength { get; init; } = 50;      // L: last L items of each customer
    public float Dropout { get; init; } = 0.2f;
    public int BatchSize { get; init; } = 128;
    public int MaxEpochs { get; init; } = 30;
    public int Patience { get; init; } = 3;
    /// <summary>Early stopping is not considered before this epoch: validation wobbles in the early plateau (seen on the real data).</summary>
    public int MinEpochs { get; init; } = 10;
    public float LearningRate { get; init; } = 3e-3f;
    public int WarmupSteps { get; init; } = 50;
    public float WeightDecay { get; init; } = 0.01f;
    public float ClipNorm { get; init; } = 5f;
    public SequenceLoss Loss { get; init; } = SequenceLoss.FullSoftmax;
    public int NegativeSamples { get; init; } = 512;
    public BasketTargets Targets { get; init; } = BasketTargets.NextItem;
    /// <summary>Shuffle test: train on randomly permuted sequences (order information destroyed).</summary>
    public bool ShuffleSequences { get; init; }
    /// <summary>Blend the model with the customer's own recency-weighted purchase counts (weight tuned on validation).</summary>
    public bool RepeatAware { get; init; } = true;
    /// <summary>Starting per-basket decay of the personal purchase counts in the repeat-aware blend (tuned on validation with the weight).</summary>
    public float RecencyDecay { get; init; } = 0.8f;
    public int Seed { get; init; } = 42;
    /// <summary>Worker threads for the kernels (weights depend on seed and this, see README).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
    /// <summary>When set, the best model is written here (temp file + move) whenever validation improves.</summary>
    public string? CheckpointPath { get; init; }

    public void Validate()
    {
        if (Hidden <= 0 || Blocks <= 0 || MaxLength < 2 || BatchSize <= 0 || MaxEpochs <= 0) throw new ArgumentException("invalid sequence model options");
        if (Hidden % Heads != 0) throw new ArgumentException("Hidden must be divisible by Heads");
        if (Dropout is < 0 or >= 1) throw new ArgumentException("Dropout must be in [0, 1)");
    }
}
