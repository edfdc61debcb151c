using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Marketing.Segmentation;
using RetailRec.Engine.DemoData;

namespace RetailRec.Tests.Engine.Marketing.Segmentation;

public class AutoencoderClusteringTests
{
    [Fact]
    public void Autoencoder_embedding_is_clustered_as_a_third_clustering_with_its_own_silhouette()
    {
        var log = RetailLogBuilder.Build(DemoDataGenerator.Generate(new DemoDataOptions { TargetLines = 8_000, Seed = 3 }).Records);
        var options = new SegmentationOptions { EmbeddingClustering = AutoencoderEmbedding.Options(dimensions: 3, seed: 5) };

        var result = MarketingSegmentation.Run(log, log.DefaultAnalysisDate, options);

        Assert.NotNull(result.Clustering);
        var embedded = result.EmbeddingClustering;
        Assert.NotNull(embedded);
        Assert.Equal("autoencoder", embedded!.InputName);
        Assert.Equal(3, embedded.Dimensions);
        Assert.Equal(result.Clustering!.Rows, embedded.Rows);
        Assert.InRange(embedded.KSelection.BestK, 2, 10);
        var best = embedded.KSelection.Curve.Single(p => p.K == embedded.KSelection.BestK);
        Assert.InRange(best.Silhouette, -1, 1);
        Assert.Equal(embedded.KSelection.Curve.Max(p => p.Silhouette), best.Silhouette); // k chosen by silhouette
    }
}
