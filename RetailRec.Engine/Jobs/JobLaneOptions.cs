namespace RetailRec.Engine.Jobs;

/// <summary>How many jobs each lane runs at once ("RetailRec:Jobs"). One long job at a time keeps a 2-core server responsive.</summary>
public sealed class JobLaneOptions
{
    public const string Section = "RetailRec:Jobs";

    public int ShortJobs { get; set; } = 1;
    public int LongJobs { get; set; } = 1;

    public int WorkersFor(JobLane lane) => Math.Max(1, lane == JobLane.Short ? ShortJobs : LongJobs);
}
