using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Radzen;
using RetailRec.Engine.Datasets;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Runs;
using RetailRec.Engine.Storage;

namespace RetailRec.Web.Components.Shared;

/// <summary>
/// What every analysis page shares: which dataset and run it shows (the active dataset's latest run of the page's kind,
/// or ?run=N), the dataset's runs for the picker, switching either, loading the run's artifacts once per switch
/// (RunStore caches them), and live updates of the page's job: its progress while it runs, its error if it fails, and
/// the new run once it succeeds. Pages render empty and loading states from <see cref="LoadingList"/>,
/// <see cref="DatasetId"/>, <see cref="RunList"/> and <see cref="LoadingRun"/>.
/// </summary>
public abstract class AnalysisPageBase<TSummary> : ComponentBase, IDisposable where TSummary : class
{
    private IDisposable? _jobSubscription;

    [Inject] protected DatasetService Datasets { get; set; } = default!;
    [Inject] protected RunStore Runs { get; set; } = default!;
    [Inject] protected JobService Jobs { get; set; } = default!;
    [Inject] protected JobNotifier Notifier { get; set; } = default!;
    [Inject] protected NotificationService Notify { get; set; } = default!;
    [Inject] protected NavigationManager Nav { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "run")] public int? RunFromQuery { get; set; }

    /// <summary>The kind of run this page shows.</summary>
    protected abstract RunKind RunKind { get; }

    /// <summary>The job that writes such runs (its progress and outcome show on the page).</summary>
    protected abstract JobKind JobKind { get; }

    protected bool LoadingList { get; private set; } = true;
    protected bool LoadingRun { get; private set; }
    protected int? DatasetId { get; private set; }
    protected IReadOnlyList<AnalysisRunEntity> RunList { get; private set; } = [];
    protected AnalysisRunEntity? Run { get; private set; }
    protected TSummary? Summary { get; private set; }
    /// <summary>The page's job, queued or running, for the shown dataset.</summary>
    protected JobSnapshot? ActiveJob { get; private set; }
    /// <summary>The page's last job if it failed or was cancelled while the page was open.</summary>
    protected JobSnapshot? FailedJob { get; private set; }

    protected override async Task OnInitializedAsync()
    {
        if (RunFromQuery is int q && await Runs.GetAsync(q) is { } chosen && chosen.Kind == RunKind.Name)
        {
            DatasetId = chosen.DatasetId;
            await LoadRunListAsync();
            Run = chosen;
        }
        else
        {
            DatasetId = (await Datasets.GetActiveAsync())?.Id;
            await LoadRunListAsync();
            Run = RunList.FirstOrDefault();
        }
        ActiveJob = DatasetId is int id ? await Jobs.ActiveAsync(JobKind, id) : null;
        await OnDatasetShownAsync();
        LoadingList = false;
        Datasets.Changed += OnDatasetsChanged;
        Runs.Changed += OnRunsChanged;
        await LoadRunAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // After the first render: a prerendered page has no circuit to push updates to.
        if (firstRender) _jobSubscription = Notifier.Subscribe(OnJobChanged);
    }

    protected async Task OnDatasetChangedAsync(int? datasetId)
    {
        DatasetId = datasetId;
        FailedJob = null;
        await LoadRunListAsync();
        Run = RunList.FirstOrDefault();
        ActiveJob = datasetId is int id ? await Jobs.ActiveAsync(JobKind, id) : null;
        await OnDatasetShownAsync();
        await LoadRunAsync();
    }

    /// <summary>Loads what the page shows for the dataset as a whole (pickers, catalogues), before its run.</summary>
    protected virtual Task OnDatasetShownAsync() => Task.CompletedTask;

    protected async Task OnRunChangedAsync(int? runId)
    {
        Run = runId is int id ? RunList.FirstOrDefault(r => r.Id == id) ?? await Runs.GetAsync(id) : null;
        await LoadRunAsync();
    }

    /// <summary>Reads the artifacts this page needs and precomputes its chart traces (once per run, not per render).</summary>
    protected abstract Task LoadArtifactsAsync(AnalysisRunEntity run);

    protected abstract void ClearArtifacts();

    private async Task LoadRunListAsync() =>
        RunList = DatasetId is int id ? await Runs.ListAsync(id, RunKind) : [];

    private async Task LoadRunAsync()
    {
        Summary = Run is null ? null : DeserializeSummary(Run);
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

    private static TSummary? DeserializeSummary(AnalysisRunEntity run)
    {
        try { return JsonSerializer.Deserialize<TSummary>(run.SummaryJson, RunStore.Json); }
        catch (JsonException) { return null; } // a run from an older release: the page shows what it can
    }

    private Task OnJobChanged(JobSnapshot job)
    {
        if (job.Kind != JobKind.Name || job.DatasetId != DatasetId) return Task.CompletedTask;
        return InvokeAsync(async () =>
        {
            if (job.IsActive)
            {
                ActiveJob = job;
                FailedJob = null;
            }
            else if (ActiveJob is null || ActiveJob.Id == job.Id)
            {
                ActiveJob = null;
                if (job.State == JobState.Succeeded)
                {
                    await LoadRunListAsync();
                    Notify.Notify(NotificationSeverity.Success, $"{JobKind.Title} finished", "Showing the new run.");
                    await OnRunChangedAsync(RunList.FirstOrDefault()?.Id);
                }
                else FailedJob = job;
            }
            StateHasChanged();
        });
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

    /// <summary>A run saved or deleted elsewhere (another tab, the API) shows in the picker.</summary>
    private void OnRunsChanged(int datasetId)
    {
        if (datasetId != DatasetId) return;
        _ = InvokeAsync(async () => { await LoadRunListAsync(); StateHasChanged(); });
    }

    public virtual void Dispose()
    {
        _jobSubscription?.Dispose();
        Datasets.Changed -= OnDatasetsChanged;
        Runs.Changed -= OnRunsChanged;
    }
}
