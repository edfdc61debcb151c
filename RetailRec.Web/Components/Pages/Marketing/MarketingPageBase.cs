using System.Text.Json;
using Microsoft.AspNetCore.Components;
using RetailRec.Engine.Datasets;
using RetailRec.Engine.Storage;
using RetailRec.Engine.Runs;
using RetailRec.Engine.Marketing.Runs;

namespace RetailRec.Web.Components.Pages.Marketing;

/// <summary>
/// What every marketing page shares: which dataset and run it shows (the active dataset's latest run, or ?run=N),
/// switching either, and loading the run's artifacts once per switch (RunStore caches them).
/// </summary>
public abstract class MarketingPageBase : ComponentBase, IDisposable
{
    [Inject] protected DatasetService Datasets { get; set; } = default!;
    [Inject] protected RunStore Runs { get; set; } = default!;
    [Inject] protected NavigationManager Nav { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "run")] public int? RunFromQuery { get; set; }

    protected bool LoadingList { get; private set; } = true;
    protected bool LoadingRun { get; private set; }
    protected int? DatasetId { get; private set; }
    protected AnalysisRunEntity? Run { get; private set; }
    protected MarketingRunSummary? Summary { get; private set; }

    protected override async Task OnInitializedAsync()
    {
        if (RunFromQuery is int q && await Runs.GetAsync(q) is { } chosen && chosen.Kind == MarketingJobs.Run.Name)
        {
            DatasetId = chosen.DatasetId;
            Run = chosen;
        }
        else
        {
            DatasetId = (await Datasets.GetActiveAsync())?.Id;
            Run = DatasetId is int id ? await Runs.LatestAsync(id, MarketingJobs.Run) : null;
        }
        LoadingList = false;
        Datasets.Changed += OnDatasetsChanged;
        await LoadRunAsync();
    }

    /// <summary>On a first start the page may open before the demo import finishes: pick the dataset up when it lands.</summary>
    private void OnDatasetsChanged()
    {
        if (DatasetId is not null) return;
        _ = InvokeAsync(async () =>
        {
            if (DatasetId is not null || (await Datasets.GetActiveAsync())?.Id is not int id) return;
            await OnDatasetChangedAsync(id);
            StateHasChanged();
        });
    }

    protected async Task OnDatasetChangedAsync(int? datasetId)
    {
        DatasetId = datasetId;
        Run = datasetId is int id ? await Runs.LatestAsync(id, MarketingJobs.Run) : null;
        await LoadRunAsync();
    }

    protected async Task OnRunChangedAsync(int? runId)
    {
        Run = runId is int id ? await Runs.GetAsync(id) : null;
        await LoadRunAsync();
    }

    private async Task LoadRunAsync()
    {
        Summary = Run is null ? null : JsonSerializer.Deserialize<MarketingRunSummary>(Run.SummaryJson, RunStore.Json);
        if (Run is null)
        {
            ClearArtifacts();
            return;
        }
        LoadingRun = true;
        StateHasChanged();
        try { await LoadArtifactsAsync(Run); }
        finally { LoadingRun = false; }
    }

    /// <summary>Reads the artifacts this page needs and precomputes its chart traces (once per run, not per render).</summary>
    protected abstract Task LoadArtifactsAsync(AnalysisRunEntity run);

    protected abstract void ClearArtifacts();

    public virtual void Dispose() => Datasets.Changed -= OnDatasetsChanged;

    protected string RunCaption => Run is null || Summary is null ? ""
        : $"Run #{Run.Id} · analysis date {Shared.Format.Date(Summary.AnalysisDate)} · {Run.Label}";
}
