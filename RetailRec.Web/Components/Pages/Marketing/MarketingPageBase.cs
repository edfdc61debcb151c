using RetailRec.Engine.Jobs;
using RetailRec.Engine.Marketing.Runs;
using RetailRec.Engine.Runs;
using RetailRec.Web.Components.Shared;

namespace RetailRec.Web.Components.Pages.Marketing;

/// <summary>The marketing pages: the shared analysis-page state on marketing runs, and the caption they all show.</summary>
public abstract class MarketingPageBase : AnalysisPageBase<MarketingRunSummary>
{
    protected override RunKind RunKind => MarketingJobs.Run;

    protected override JobKind JobKind => MarketingJobs.Analysis;

    protected string RunCaption => Run is null || Summary is null ? ""
        : $"Run #{Run.Id} · analysis date {Format.Date(Summary.AnalysisDate)} · {Run.Label}";
}
