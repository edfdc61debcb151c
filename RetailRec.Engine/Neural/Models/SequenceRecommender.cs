using System.Diagnostics;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Neural.Autodiff;
using RetailRec.Engine.Neural.Kernels;
using RetailRec.Engine.Neural.Optim;
using RetailRec.Engine.Recommendations;

namespace RetailRec.Engine.Neural.Models;

/// <summary>
/// Training and serving shared by <see cref="SasRecRecommender"/> and <see cref="Gru4RecRecommender"/>.
/// Fit: customers' chronological item sequences (see <see cref="SequenceBatcher"/> for the basket handling), AdamW
/// with warm-up and global-norm clipping, early stopping on validation NDCG@10 (last training basket of customers
/// with at least 3 baskets, full-catalogue ranking) with patience; the best weights are kept. Cancellation stops
/// within one batch, restores the best weights (so the model stays usable) and then throws.
/// Score: the customer's full training sequence, last position, dot product with the tied item embedding; with
/// <see cref="SequenceRecommenderOptions.RepeatAware"/> the softmax is blended with the customer's own recency-weighted
/// purchase distribution using a weight tuned on validation only.
/// </summary>
public abstract partial class SequenceRecommender(SequenceRecommenderOptions options) : IRecommender
{
    public SequenceRecommenderOptions Options { get; } = options;
    public ISequenceNet? Net { get; private set; }
    public List<EpochRecord> History { get; } = [];
    public TrainingSummary? Summary { get; private set; }
    /// <summary>Receives live training reports (epoch, loss, validation NDCG@10, throughput, ETA).</summary>
    public IProgress<NeuralTrainingProgress>? TrainingProgress { get; set; }
    /// <summary>Weight of the personal purchase distribution in the blend (0 = pure model).</summary>
    public double BlendWeight { get; set; }
    /// <summary>Per-basket decay of the personal distribution (starts at the option's value, tuned with the blend weight).</summary>
    public float RecencyDecay { get; set; } = options.RecencyDecay;
    /// <summary>When false, <see cref="Score"/> returns the pure model's logits even if a blend weight was tuned.</summary>
    public bool UseBlend { get; set; } = true;

    public abstract string Name { get; }

    public string Parameters =>
        $"hidden={Options.Hidden};blocks={Options.Blocks};heads={Options.Heads};L={Options.MaxLength};dropout={Options.Dropout};" +
        $"batch={Options.BatchSize};lr={Options.LearningRate};loss={Options.Loss};targets={Options.Targets};" +
        $"shuffled={Options.ShuffleSequences};blend={(UseBlend ? BlendWeight : 0)};decay={RecencyDecay};seed={Options.Seed}";
    protected abstract ISequenceNet CreateNet(int itemCount);

    public void Fit(RetailLog train, IProgress<double>? progress, CancellationToken ct)
    {
        Options.Validate();
        Gemm.Threads = Math.Max(1, Options.Threads);
        var clock = Stopwatch.StartNew();
        var data = CustomerSequences.Build(train);
        Attach(train, data);
        var net = Net = CreateNet(train.ItemCount);
        History.Clear();
        var trainable = data.Fitting.Where(s => s.ItemCount >= 2).ToArray();
        var rng = new Random(Options.Seed);
        var opt = new AdamW(net.Parameters, weightDecay: Options.WeightDecay, noDecay: p => p.Shape.Length == 1);
        var schedule = new WarmupSchedule(Options.LearningRate, Options.WarmupSteps);
        var logPop = LogPopularity(trainable, train.ItemCount);
        var batchesPerEpoch = (trainable.Length + Options.BatchSize - 1) / Options.BatchSize;
        float[][]? best = null;
        double bestNdcg = double.NegativeInfinity;
        int bestEpoch = 0, bad = 0;
        bool cancelled = false, stoppedEarly = false;

        for (var epoch = 1; epoch <= Options.MaxEpochs && !cancelled; epoch++)
        {
            var epochClock = Stopwatch.StartNew();
            var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
            var order = trainable.OrderBy(_ => rng.Next()).ToArray();
            double lossSum = 0;
            var batches = 0;
            for (var start = 0; start < order.Length; start += Options.BatchSize)
            {
                if (ct.IsCancellationRequested) { cancelled = true; break; }
                var batch = SequenceBatcher.Training(order[start..Math.Min(order.Length, start + Options.BatchSize)],
                    Options.MaxLength, Options.Targets, Options.ShuffleSequences, rng);
                lossSum += TrainStep(net, opt, schedule, batch, logPop, rng);
                batches++;
                if (batches % 10 == 0 || batches == batchesPerEpoch)
                    Report(epoch, batches, batchesPerEpoch, lossSum / batches, null, start + batch.Size, epochClock, progress);
            }
            if (cancelled) break;
            var ndcg = ValidationNdcg(0);
            var seconds = epochClock.Elapsed.TotalSeconds;
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalSeconds;
            History.Add(new EpochRecord(epoch, lossSum / Math.Max(1, batches), ndcg, seconds, order.Length / seconds, cpu));
            Report(epoch, batches, batchesPerEpoch, lossSum / Math.Max(1, batches), ndcg, order.Length, epochClock, progress);
            if (ndcg > bestNdcg)
            {
                bestNdcg = ndcg; bestEpoch = epoch; bad = 0;
                best = net.Parameters.Select(p => p.Value.Span.ToArray()).ToArray();
                if (Options.CheckpointPath is not null) SaveCheckpoint(Options.CheckpointPath);
            }
            else if (++bad >= Options.Patience && epoch >= Options.MinEpochs) { stoppedEarly = true; break; }
        }

        if (best is not null)
            for (var i = 0; i < best.Length; i++) best[i].CopyTo(net.Parameters[i].Value.Span);
        PrepareScoring();
        var (w, blended) = Options.RepeatAware && !cancelled ? TuneBlend() : (0.0, bestNdcg);
        BlendWeight = w;
        Summary = new TrainingSummary(bestEpoch, bestNdcg, w, blended, stoppedEarly, cancelled, clock.Elapsed.TotalSeconds);
        if (cancelled) ct.ThrowIfCancellationRequested();
    }

    private float TrainStep(ISequenceNet net, AdamW opt, WarmupSchedule schedule, SequenceBatch batch, float[] logPop, Random rng)
    {
        using var tape = new Tape(training: true, seed: rng.Next());
        var hidden = net.Forward(tape, batch);
        var loss = Options.Loss switch
        {
            SequenceLoss.FullSoftmax => tape.SoftmaxCrossEntropy(hidden, net.ItemEmbedding, batch.Targets),
            SequenceLoss.InBatchNegatives => tape.SampledSoftmaxCrossEntropy(hidden, net.ItemEmbedding, batch.Targets,
                NegativeSampling.InBatch(batch.Targets, Options.NegativeSamples, rng), logPop),
            _ => tape.SampledSoftmaxCrossEntropy(hidden, net.ItemEmbedding, batch.Targets,
                NegativeSampling.Uniform(logPop.Length, Options.NegativeSamples, rng), new float[logPop.Length]),
        };
        tape.Backward(loss);
        GradientClipping.ClipGlobalNorm(net.Parameters, Options.ClipNorm);
        opt.Step(schedule.RateAt(opt.Steps));
        opt.ZeroGrad();
        return loss.Value[0];
    }

    /// <summary>log of each item's frequency as a training target: the logQ of in-batch negative sampling.</summary>
    private static float[] LogPopularity(IEnumerable<CustomerSequence> seqs, int items)
    {
        var counts = new double[items];
        foreach (var s in seqs) foreach (var b in s.Baskets) foreach (var i in b) counts[i]++;
        var total = counts.Sum() + items;
        return counts.Select(c => (float)Math.Log((c + 1) / total)).ToArray();
    }

    private void Report(int epoch, int batch, int batchesPerEpoch, double loss, double? ndcg, int sequencesDone, Stopwatch epochClock, IProgress<double>? progress)
    {
        var rate = sequencesDone / Math.Max(1e-9, epochClock.Elapsed.TotalSeconds);
        var doneBatches = (epoch - 1) * batchesPerEpoch + batch;
        var totalBatches = Options.MaxEpochs * batchesPerEpoch;
        var perBatch = epochClock.Elapsed.TotalSeconds / Math.Max(1, batch);
        progress?.Report((double)doneBatches / totalBatches);
        TrainingProgress?.Report(new NeuralTrainingProgress(Name, epoch, Options.MaxEpochs, batch, batchesPerEpoch, loss, ndcg, rate,
            TimeSpan.FromSeconds(perBatch * (totalBatches - doneBatches))));
    }
}
