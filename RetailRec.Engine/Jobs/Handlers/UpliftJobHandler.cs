using System.Diagnostics;
using System.Text.Json;
using RetailRec.Engine.Data.Runs;
using RetailRec.Engine.Ingestion;
using RetailRec.Engine.PromotionRuns;

namespace RetailRec.Engine.Jobs.Handlers;

/// <summary>Analyses a dataset's promotion log with the uplift models (<see cref="UpliftAnalysis"/>) and saves an "uplift" run.</summary>
public sealed class UpliftJobHandler(DatasetLoader loader, RunStore runs) : IJobHandler
{
    public string Kind => PromotionRunKinds.Uplift;

    public async Task<string?> RunAsync(JobContext context, CancellationToken ct)
    {
        var p = context.Parameters<UpliftJobParameters>();
        var clock = Stopwatch.StartNew();
        context.Report(2, "Reading the promotion log");
        var entries = PromotionLogFile.TryRead(p.PromotionLogPath)
                      ?? throw new FileNotFoundException("The promotion log is no longer on the server; upload it again.");
        context.Log($"{entries.Count:N0} promotion-log rows ({p.Source})");
        context.Report(10, "Loading dataset");
        var log = await loader.LoadRetailLogAsync(p.DatasetId, ct);

        context.Report(30, "Fitting two-model and class-transformation uplift");
        var report = await Task.Run(() => UpliftAnalysis.Run(log, entries, p.Source, p.HorizonDays), ct);
        foreach (var w in report.Warnings) context.Log("warning: " + w);
        ct.ThrowIfCancellationRequested();

        context.Report(92, "Saving the analysis");
        var two = report.Models[0];
        var ctModel = report.Models[1];
        var summary = new UpliftRunSummary(p.Source, report.Outcomes, report.HeldOut, two.QiniCoefficient, ctModel.QiniCoefficient,
            report.Fatigued.Count, clock.Elapsed.TotalSeconds);
        var runId = await runs.SaveRunAsync(p.DatasetId, Kind, $"Uplift · {p.Source}", p, summary,
            new Dictionary<string, object> { [PromotionRunKinds.Artifacts.Uplift] = report }, context.JobId, CancellationToken.None);
        context.Log($"Qini coefficient two-model {two.QiniCoefficient:0.00}, class transformation {ctModel.QiniCoefficient:0.00}; run #{runId}");
        return JsonSerializer.Serialize(new PromotionJobResult(runId, p.DatasetId), JobJson.Options);
    }
}
