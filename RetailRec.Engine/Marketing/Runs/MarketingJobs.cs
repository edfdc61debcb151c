using RetailRec.Engine.Jobs;
using RetailRec.Engine.Runs;

namespace RetailRec.Engine.Marketing.Runs;

/// <summary>The Marketing feature's job kind and the run it stores (its artifacts: <see cref="MarketingArtifacts"/>).</summary>
public static class MarketingJobs
{
    public static readonly JobKind<MarketingJobParameters> Analysis = new("marketing", "Marketing analysis");
    public static readonly RunKind Run = new("marketing");
}
