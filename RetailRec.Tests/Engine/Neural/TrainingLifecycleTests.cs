using RetailRec.Engine.Neural.Models;

namespace RetailRec.Tests.Engine.Neural;

/// <summary>Determinism, checkpoints, cancellation and progress reporting of the sequence trainers.</summary>
public class TrainingLifecycleTests
{
    private static readonly SequenceRecommenderOptions Quick = SequenceTrainingTests.Small with { MaxEpochs = 3, Hidden = 16, Dropout = 0.2f };

    private sealed class Collect<T> : IProgress<T>
    {
        public List<T> Items { get; } = [];
        public Action<T>? OnReport { get; init; }
        public void Report(T value) { Items.Add(value); OnReport?.Invoke(value); }
    }

    private static (RetailRec.Engine.Datasets.RetailLogs.RetailLog Train, Dictionary<int, HashSet<int>> Test) Data()
    {
        var log = SyntheticLogs.PlantedCycle(customers: 120, items: 25, minBaskets: 4, maxBaskets: 10, seed: 9);
        return SyntheticLogs.HoldOutLastBasket(log);
    }

    [Theory]
    [InlineData("SASRec")]
    [InlineData("GRU4Rec")]
    public void Same_seed_gives_identical_weights(string kind)
    {
        var (train, _) = Data();
        SequenceRecommender Make() => kind == "SASRec" ? new SasRecRecommender(Quick) : (SequenceRecommender) new Gru4RecRecommender(Quick with { Blocks = 1 });
        var a = Make(); a.Fit(train, null, CancellationToken.None);
        var b = Make(); b.Fit(train, null, CancellationToken.None);
        for (var i = 0; i < a.Net!.Parameters.Count; i++)
            Assert.Equal(a.Net.Parameters[i].Value.Span.ToArray(), b.Net!.Parameters[i].Value.Span.ToArray());
        SequenceRecommender c = kind == "SASRec" ? new SasRecRecommender(Quick with { Seed = 12 }) : (SequenceRecommender)new Gru4RecRecommender(Quick with { Blocks = 1, Seed = 12 });
        c.Fit(train, null, CancellationToken.None);
        Assert.NotEqual(a.Net.ItemEmbedding.Value.Span.ToArray(), c.Net!.ItemEmbedding.Value.Span.ToArray());
    }

    [Fact]
    public void Checkpoint_round_trip_is_bit_exact()
    {
        var (train, test) = Data();
        var model = new SasRecRecommender(Quick with { RepeatAware = true });
        model.Fit(train, null, CancellationToken.None);
        var path = Path.Combine(Path.GetTempPath(), $"rr-neural-{Guid.NewGuid():N}.rrnn");
        try
        {
            model.SaveCheckpoint(path);
            var loaded = SequenceRecommender.Load(path, train);
            Assert.IsType<SasRecRecommender>(loaded);
            Assert.Equal(model.Options, loaded.Options);
            Assert.Equal(model.BlendWeight, loaded.BlendWeight);
            Assert.Equal(model.RecencyDecay, loaded.RecencyDecay);
            for (var i = 0; i < model.Net!.Parameters.Count; i++)
            {
                Assert.Equal(model.Net.Parameters[i].Name, loaded.Net!.Parameters[i].Name);
                Assert.Equal(model.Net.Parameters[i].Value.Span.ToArray(), loaded.Net.Parameters[i].Value.Span.ToArray());
            }
            float[] s1 = new float[train.ItemCount], s2 = new float[train.ItemCount];
            var customer = test.Keys.First();
            model.Score(customer, s1); loaded.Score(customer, s2);
            Assert.Equal(s1, s2);
            Assert.Empty(Directory.GetFiles(Path.GetTempPath(), $".{Path.GetFileName(path)}.*.tmp"));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Checkpoint_rejects_another_catalogue()
    {
        var (train, _) = Data();
        var model = new Gru4RecRecommender(Quick with { Blocks = 1, MaxEpochs = 1 });
        model.Fit(train, null, CancellationToken.None);
        var path = Path.Combine(Path.GetTempPath(), $"rr-neural-{Guid.NewGuid():N}.rrnn");
        try
        {
            model.SaveCheckpoint(path);
            var other = SyntheticLogs.PlantedCycle(customers: 30, items: 40, minBaskets: 3, maxBaskets: 5, seed: 1);
            Assert.Throws<InvalidDataException>(() => SequenceRecommender.Load(path, other));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Cancellation_stops_within_a_batch_and_keeps_the_best_weights()
    {
        var (train, test) = Data();
        using var cts = new CancellationTokenSource();
        var model = new SasRecRecommender(Quick with { MaxEpochs = 10, BatchSize = 8 });
        var reports = new Collect<NeuralTrainingProgress> { OnReport = p => { if (p.Epoch == 2 && p.Batch >= 10) cts.Cancel(); } };
        model.TrainingProgress = reports;
        Assert.Throws<OperationCanceledException>(() => model.Fit(train, null, cts.Token));
        Assert.Single(model.History);                                   // epoch 1 finished, epoch 2 was cut short
        Assert.Equal(10, reports.Items.Last().Batch);                   // no batch ran after the cancelling report
        Assert.True(model.Summary!.Cancelled);
        Assert.Equal(1, model.Summary.BestEpoch);
        var scores = new float[train.ItemCount];
        model.Score(test.Keys.First(), scores);                         // still usable
        Assert.All(scores, s => Assert.True(float.IsFinite(s)));
    }

    [Fact]
    public void Early_stopping_waits_for_patience_and_keeps_the_best_epoch()
    {
        var (train, _) = Data();
        var model = new Gru4RecRecommender(Quick with { Blocks = 1, MaxEpochs = 60, Patience = 2, MinEpochs = 0, LearningRate = 2e-2f });
        model.Fit(train, null, CancellationToken.None);
        var s = model.Summary!;
        Assert.True(s.StoppedEarly, $"ran all {model.History.Count} epochs");
        Assert.Equal(s.BestEpoch + 2, model.History.Count);
        Assert.Equal(model.History.Max(h => h.ValidationNdcg10), s.BestValidationNdcg10);
        Assert.Equal(s.BestValidationNdcg10, model.ValidationNdcg(0.0)[0], 10); // the restored weights are the best epoch's
    }

    [Fact]
    public void Progress_reports_epochs_loss_validation_and_throughput()
    {
        var (train, _) = Data();
        var reports = new Collect<NeuralTrainingProgress>();
        var fractions = new Collect<double>();
        var model = new Gru4RecRecommender(Quick with { Blocks = 1 }) { TrainingProgress = reports };
        model.Fit(train, fractions, CancellationToken.None);
        Assert.Equal(model.History.Count, reports.Items.Count(r => r.ValidationNdcg10 is not null));
        Assert.All(reports.Items, r => Assert.True(r.Loss > 0 && r.SequencesPerSecond > 0));
        Assert.True(model.History[^1].MeanLoss < model.History[0].MeanLoss);
        Assert.Equal(model.History.Max(h => h.ValidationNdcg10), model.Summary!.BestValidationNdcg10);
        Assert.True(fractions.Items.SequenceEqual(fractions.Items.Order()) && fractions.Items[^1] <= 1);
    }
}
