using System.Diagnostics;
using RetailRec.Engine.Recommendations.Evaluation;
using RetailRec.Engine.Recommendations.Evaluation.Splits;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Datasets.Ingestion;
using RetailRec.Engine.Neural.Models;
using RetailRec.Engine.Recommendations.Baselines;

namespace RetailRec.Bench.Suites;

/// <summary>
/// SASRec and GRU4Rec on the real data: seconds per epoch, epochs to the best validation NDCG@10, total time, and
/// test quality on split L (last basket held out) through the shared Evaluator, next to the popularity and
/// personal-frequency baselines. Options: --models sasrec,gru,inbatch,shuffled  --epochs N  --threads N  --split T|L.
/// </summary>
public sealed class NeuralSuite : IBenchSuite
{
    public string Name => "neural";
    public string Description => "SASRec / GRU4Rec on the real data: s/epoch, epochs to best, NDCG@10 & Recall@10 vs baselines (split L)";

    public Task RunAsync(BenchContext context)
    {
        var threads = Options.Int(context.Args, "--threads", Environment.ProcessorCount);
        var epochs = Options.Int(context.Args, "--epochs", 30);
        var models = Options.Str(context.Args, "--models", "sasrec,gru,inbatch").Split(',');
        var sw = Stopwatch.StartNew();
        var read = TransactionFileReader.ReadAll(context.DatasetPath);
        var log = RetailLogBuilder.Build(read.Records);
        // --split T (temporal, last 30 days) or L (leave-last-basket-out, the default).
        var split = Options.Str(context.Args, "--split", "L").Equals("T", StringComparison.OrdinalIgnoreCase)
            ? TemporalSplit.Test(log) : LeaveLastBasketSplit.Test(log);
        var fingerprint = LogFingerprint.Of(log);
        Console.WriteLine($"loaded {log.Lines.Length:N0} lines, {log.CustomerCount:N0} customers, {log.ItemCount:N0} items in {sw.Elapsed.TotalSeconds:F1} s; " +
                          $"split {split.Name}: {split.Cases.Count:N0} test cases; threads {threads}; load average {LoadAverage()}");

        Row(Evaluator.Evaluate(new PopularityRecommender(), split, fingerprint));
        Row(Evaluator.Evaluate(new PersonalFrequencyRecommender(), split, fingerprint));
        Row(Evaluator.Evaluate(new RetailRec.Engine.Recommendations.Sequential.MarkovChainRecommender(), split, fingerprint));

        var lr = float.Parse(Options.Str(context.Args, "--lr", "0.003"), System.Globalization.CultureInfo.InvariantCulture);
        var baseOptions = new SequenceRecommenderOptions { Threads = threads, MaxEpochs = epochs, LearningRate = lr };
        foreach (var m in models)
        {
            SequenceRecommender model = m switch
            {
                "sasrec" => new SasRecRecommender(baseOptions),
                "gru" => new Gru4RecRecommender(baseOptions with { Blocks = 1 }),
                "inbatch" => new SasRecRecommender(baseOptions with { Loss = SequenceLoss.InBatchNegatives }),
                "uniform" => new SasRecRecommender(baseOptions with { Loss = SequenceLoss.UniformNegatives }),
                "nextbasket" => new SasRecRecommender(baseOptions with { Targets = BasketTargets.NextBasket }),
                "shuffled" => new SasRecRecommender(baseOptions with { ShuffleSequences = true }),
                _ => throw new ArgumentException("unknown model " + m),
            };
            var label = $"{model.Name}[{m}]";
            model.TrainingProgress = new Progress(label);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var blended = Evaluator.Evaluate(model, split, fingerprint);
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var h = model.History;
            var s = model.Summary!;
            Console.WriteLine($"{label}: epochs run {h.Count}, best epoch {s.BestEpoch} (val NDCG@10 {s.BestValidationNdcg10:F4}), " +
                              $"median {Stats.Median(h.Select(e => e.Seconds)):F1} s/epoch wall ({Stats.Median(h.Select(e => e.CpuSeconds)):F1} CPU-s/epoch), {Stats.Median(h.Select(e => e.SequencesPerSecond)):F0} seq/s, " +
                              $"total fit {s.TotalSeconds:F1} s wall, {cpuSeconds:F0} CPU-s incl. scoring; blend weight {s.BlendWeight} (val NDCG@10 blended {s.BlendedValidationNdcg10:F4})");
            model.UseBlend = false;
            Row(Evaluator.Evaluate(model, split, fingerprint, fit: false), label + " pure");
            model.UseBlend = true;
            Row(blended, label + " repeat-aware");
        }
        return Task.CompletedTask;
    }

    private static void Row(EvaluationResult r, string? label = null) =>
        Console.WriteLine($"  {label ?? r.Model,-34} NDCG@10 {r["NDCG@10"]:F4}  Recall@10 {r["Recall@10"]:F4}  HitRate@10 {r["HitRate@10"]:F4}  " +
                          $"NDCG@10.explore {r["NDCG@10.explore"]:F4}  fit {r.TrainSeconds:F1} s  score {r.ScoreSeconds:F1} s");

    private static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Split(' ')[0]; } catch (IOException) { return "?"; }
    }

    private sealed class Progress(string label) : IProgress<NeuralTrainingProgress>
    {
        public void Report(NeuralTrainingProgress p)
        {
            if (p.ValidationNdcg10 is { } ndcg)
                Console.WriteLine($"    {label} epoch {p.Epoch}: loss {p.Loss:F4}  val NDCG@10 {ndcg:F4}  {p.SequencesPerSecond:F0} seq/s  " +
                                  $"ETA(max epochs) {p.EtaToMaxEpochs:hh\\:mm\\:ss}  load {LoadAverage()}");
        }
    }
}
