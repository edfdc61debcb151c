using Microsoft.Extensions.Options;
using RetailRec.Engine.Datasets;
using RetailRec.Engine.Jobs;

namespace RetailRec.Engine.Recommendations.Runs;

/// <summary>
/// Queues a recommendation training when an import created a new dataset, so a fresh dataset (the demo data at first
/// start included) answers recommendation requests without a click. Registered after the marketing follow-up, so on
/// the long lane the marketing run goes first and training can use its segments.
/// </summary>
public sealed class TrainAfterImport(JobService jobs, IOptions<RecommendationRunOptions> options) : IImportFollowUp
{
    public async Task QueueAsync(int datasetId, CancellationToken ct)
    {
        if (options.Value.AutoTrainAfterImport)
            await jobs.EnqueueAsync(RecommendationJobs.Train, new RecommendTrainParameters(datasetId, Label: "after import"), ct);
    }
}
