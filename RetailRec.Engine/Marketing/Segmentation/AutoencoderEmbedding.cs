using RetailRec.Engine.Neural.Autoencoder;

namespace RetailRec.Engine.Marketing.Segmentation;

/// <summary>The customer autoencoder as a clustering input: standardised RFM + behaviour features to a small bottleneck.</summary>
public static class AutoencoderEmbedding
{
    public const string Name = "autoencoder";

    public static ClusteringOptions Options(int dimensions = 3, int seed = 42, CancellationToken ct = default) => new()
    {
        Embedding = features => CustomerAutoencoder.FitTransform(features, dimensions, seed, null, ct),
        EmbeddingName = Name,
    };
}
