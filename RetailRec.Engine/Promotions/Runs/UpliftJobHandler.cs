using System.Diagnostics;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Runs;
using RetailRec.Engine.Storage;

namespace RetailRec.Engine.Promotions.Runs;

/// <summary>Analyses a dataset's promotion log with the uplift models (<see cref="UpliftAnalysis"/>) and saves an "uplift" run.</summary>
public sealed class UpliftJobHandler(DatasetLoader loader, RunStore runs, DataPaths paths)
    : AnalysisJobHandler<UpliftJobParameters>(loader, runs, paths), IJobKindHandler
{
    public static JobKind Kind => PromotionJobs.Uplift;

    protected override RunKind RunKind => PromotionJobs.UpliftRun;

    protected override Task ValidateAsync(UpliftJobParameters p, CancellationToken ct) =>
        File.Exists(p.PromotionLogPath) ? Task.CompletedTask : throw new FileNotFoundException("The promotion log is no longer on the server; upload it again.");

    protected override async Task<AnalysisOutput> ComputeAsync(UpliftJobParameters p, RetailLog log, JobContext context, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var entries = PromotionLogFile.TryRead(p.PromotionLogPath)
                      ?? throw new FileNotFoundException("The promotion log is no longer on the server; upload it again.");
        context.Log($"{entries.Count:N0} promotion-log rows ({p.Source})");

        context.Report(30, "Fitting two-model and class-transformation uplift");
        var report = await Task.Run(() => UpliftAnalysis.Run(log, entries, p.Source, p.HorizonDays), ct);
        foreach (var w in report.Warnings) context.Log("warning: " + w);

        var two = report.Models[0];
        var ctModel = report.Models[1];
        context.Log($"Qini coefficient two-model {two.QiniCoefficient:0.00}, class transformation {ctModel.QiniCoefficient:0.00}");
        var summary = new UpliftRunSummary(p.Source, report.Outcomes, report.HeldOut, two.QiniCoefficient, ctModel.QiniCoefficient,
            report.Fatigued.Count, clock.Elapsed.TotalSeconds);
        return new AnalysisOutput($"Uplift · {p.Source}", summary, new RunArtifacts().Add(PromotionJobs.Artifacts.Uplift, report));
    }
}
