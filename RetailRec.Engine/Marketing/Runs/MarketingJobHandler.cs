using RetailRec.Engine.Runs;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Storage;
using RetailRec.Engine.Marketing.Runs;
using RetailRec.Engine.Marketing.Merchandising;
using RetailRec.Engine.Marketing.Segmentation;

namespace RetailRec.Engine.Marketing.Runs;

/// <summary>
/// Runs the marketing + merchandising pipeline on a stored dataset: runs <see cref="MarketingPipeline"/> on its log
/// with live progress, stores a run with page-sized artifacts, and writes the six CSV exports to run-&lt;id&gt;/.
/// The previous run's audit is passed in so this run's audit shows the change.
/// </summary>
public sealed class MarketingJobHandler(DatasetLoader loader, RunStore runs, DataPaths paths, MarketingSettingsStore settings)
    : AnalysisJobHandler<MarketingJobParameters>(loader, runs, paths), IJobKindHandler
{
    public static JobKind Kind => MarketingJobs.Analysis;

    protected override RunKind RunKind => MarketingJobs.Run;

    protected override async Task<AnalysisOutput> ComputeAsync(MarketingJobParameters p, RetailLog log, JobContext context, CancellationToken ct)
    {
        var saved = settings.Get(p.DatasetId);
        var progress = new MonotonicProgress(context);
        // A tiny or odd dataset still gets a run: the pipeline says "not enough data for X" for what it cannot compute.
        // With no purchases at all the log has no dates, so the run is dated today (it only labels the empty run).
        var analysisDate = p.AnalysisDate ?? (log.Lines.Length == 0 ? DateTime.UtcNow.Date : null);

        var (stockRows, stock) = ReadStock(p.StockFilePath, p.StockFileName, context);
        var previous = await Runs.LatestAsync(p.DatasetId, MarketingJobs.Run, ct);
        var previousAudit = previous is null ? null : await Runs.ArtifactAsync(previous.Id, MarketingArtifacts.Audit, ct);
        var marketing = new MarketingOptions
        {
            AnalysisDate = analysisDate,
            SellThrough = new SellThroughOptions(WindowDays: p.WindowDays ?? saved.WindowDays),
            Strategies = p.Strategies ?? saved.Strategies,
            Segmentation = new SegmentationOptions
            {
                Actions = saved.Actions.Count > 0 ? saved.Actions : null,
                // The third clustering: KMeans on the neural engine's customer-autoencoder embedding.
                EmbeddingClustering = AutoencoderEmbedding.Options(dimensions: 3, seed: 42, ct),
            },
            Stock = stockRows,
            PreviousAudit = previousAudit,
        };

        progress.Report(10, "Segmenting customers");
        var pipelineProgress = new SyncProgress<(double Fraction, string Stage)>(x => progress.Report(10 + 78 * x.Fraction, StageLabel(x.Stage)));
        var result = await Task.Run(() => MarketingPipeline.Run(log, marketing, null, pipelineProgress, ct), ct);
        foreach (var w in result.Warnings) context.Log("warning: " + w);
        context.Log(string.Join(", ", result.Timings.Select(t => $"{t.Stage} {t.Seconds:0.00} s")));

        progress.Report(90, "Writing exports");
        var staging = StagingFolder(context);
        MarketingExports.WriteAll(result, staging);
        progress.Finish();

        var label = p.Label is { Length: > 0 } l ? $"{l} · {DefaultLabel(marketing, stock)}" : DefaultLabel(marketing, stock);
        return new AnalysisOutput(label, MarketingArtifactMapper.Summary(result, previous?.Id, stock?.FileName),
            MarketingArtifactMapper.Map(result, stock), staging) { Warnings = result.Warnings };
    }

    protected override object Result(int runId, MarketingJobParameters p, AnalysisOutput output) =>
        new MarketingJobResult(runId, p.DatasetId, Paths.RunFiles(runId), output.Warnings);

    private static (IReadOnlyList<StockRecord>? Rows, StockArtifact? Info) ReadStock(string? path, string? shownName, JobContext context)
    {
        if (string.IsNullOrEmpty(path)) return (null, null);
        if (!File.Exists(path))
        {
            context.Log($"warning: the stock file {Path.GetFileName(path)} is gone; running without stock");
            return (null, null);
        }
        var parsed = StockFileReader.Read(path);
        context.Log($"Stock file: {parsed.Rows.Count:N0} rows accepted, {parsed.Issues.Count:N0} rejected");
        foreach (var issue in parsed.Issues.Take(10)) context.Log("stock: " + issue);
        return (parsed.Rows, new StockArtifact(shownName ?? Path.GetFileName(path), parsed.Rows.Count, parsed.Issues.Count, parsed.Issues.Take(50).ToList(), 0));
    }

    private static string DefaultLabel(MarketingOptions o, StockArtifact? stock) =>
        $"{o.SellThrough.WindowDays}-day window" + (o.Strategies is null ? ", default strategies" : ", edited strategies")
        + (stock is null ? "" : ", with stock file");

    private static string StageLabel(string stage) => stage switch
    {
        "segmentation" => "Segmenting and clustering customers",
        "sell-through" => "Computing sell-through",
        "strategy lists" => "Building strategy lists",
        "trade-off sweep" => "Measuring the slow-stock trade-off",
        "done" => "Pipeline finished",
        _ => stage,
    };

    /// <summary>
    /// The pipeline reports some stages through Progress&lt;T&gt; on the thread pool, so reports can arrive late or out of
    /// order; this keeps the job's bar moving forward only, and silent once the handler has finished.
    /// </summary>
    private sealed class MonotonicProgress(JobContext context)
    {
        private readonly Lock _gate = new();
        private double _last = -1;
        private bool _done;

        public void Report(double percent, string step)
        {
            lock (_gate)
            {
                if (_done || percent < _last) return;
                _last = percent;
                context.Report(percent, step);
            }
        }

        /// <summary>From here on the skeleton reports (saving); late pipeline reports are dropped.</summary>
        public void Finish()
        {
            lock (_gate) _done = true;
        }
    }
}
