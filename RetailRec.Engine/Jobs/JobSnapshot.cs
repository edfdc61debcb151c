using RetailRec.Engine.Storage;

namespace RetailRec.Engine.Jobs;

/// <summary>An immutable view of a job, pushed to subscribers on every change.</summary>
public sealed record JobSnapshot(
    int Id, string Kind, string Title, int? DatasetId, JobState State, double Progress, string Step,
    DateTime CreatedAtUtc, DateTime? StartedAtUtc, DateTime? FinishedAtUtc, string? Error, string Log, string? ResultJson)
{
    public bool IsActive => State is JobState.Queued or JobState.Running;
    public bool CanRerun => State is JobState.Failed or JobState.Cancelled or JobState.Interrupted;

    public static JobSnapshot From(JobEntity j) => new(j.Id, j.Kind, j.Title, j.DatasetId, j.State, j.Progress, j.Step,
        j.CreatedAtUtc, j.StartedAtUtc, j.FinishedAtUtc, j.Error, j.Log, j.ResultJson);
}
