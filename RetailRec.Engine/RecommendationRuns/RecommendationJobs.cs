using RetailRec.Engine.Data;
using RetailRec.Engine.Jobs;

namespace RetailRec.Engine.RecommendationRuns;

/// <summary>Queues the evaluation and training jobs (pages, API and the after-import trigger share it).</summary>
public sealed class RecommendationJobs(JobService jobs, DatasetService datasets)
{
    public async Task<int> QueueEvaluationAsync(EvaluationJobParameters p, CancellationToken ct = default) =>
        await jobs.EnqueueAsync(RecommendationRunKinds.EvaluationJob, $"Model evaluation · {await NameAsync(p.DatasetId, ct)}", p, p.DatasetId, ct);

    public async Task<int> QueueTrainingAsync(int datasetId, string? label = null, CancellationToken ct = default) =>
        await jobs.EnqueueAsync(RecommendationRunKinds.TrainJob, $"Recommendation training · {await NameAsync(datasetId, ct)}",
            new RecommendTrainParameters(datasetId, Label: label), datasetId, ct);

    /// <summary>The newest queued or running job of a kind for a dataset (pages show its live progress).</summary>
    public async Task<JobSnapshot?> ActiveAsync(int datasetId, string kind, CancellationToken ct = default) =>
        (await jobs.ListAsync(100, ct)).FirstOrDefault(j => j.IsActive && j.Kind == kind && j.DatasetId == datasetId);

    private async Task<string> NameAsync(int datasetId, CancellationToken ct) =>
        (await datasets.GetAsync(datasetId, ct))?.Name ?? $"dataset {datasetId}";
}
