namespace RetailRec.Engine.Jobs;

/// <summary>
/// Which worker lane runs a kind. Imports and other short jobs get a lane of their own so that a ten-minute training
/// never keeps a new upload waiting (<see cref="JobLaneOptions"/> sets how many jobs each lane runs at once).
/// </summary>
public enum JobLane { Short, Long }

/// <summary>
/// A job kind: the name stored on the job row, the title shown for it and the lane it runs on. Declared once, as a static
/// field, in the feature that owns it; the handler, the queue and the pages all refer to that field.
/// </summary>
public abstract record JobKind(string Name, string Title, JobLane Lane)
{
    public abstract Type ParametersType { get; }
}

/// <summary>A job kind with its parameter record.</summary>
public sealed record JobKind<TParameters>(string Name, string Title, JobLane Lane = JobLane.Long) : JobKind(Name, Title, Lane)
    where TParameters : IJobParameters
{
    public override Type ParametersType => typeof(TParameters);
}

/// <summary>What every job's parameter record tells the queue: the dataset it is about and an optional title subject.</summary>
public interface IJobParameters
{
    /// <summary>The dataset the job reads or writes; null for a job that creates one (an import).</summary>
    int? DatasetId { get; }

    /// <summary>What the job title names after the kind's title; null names the dataset.</summary>
    string? TitleSubject => null;
}
