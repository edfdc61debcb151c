namespace RetailRec.Engine.Neural.Optim;

/// <summary>Linear learning-rate warm-up from lr/warmup to lr over the first <paramref name="warmupSteps"/> steps, then constant.</summary>
public sealed record WarmupSchedule(float BaseRate, int WarmupSteps)
{
    public float RateAt(int step) =>
        WarmupSteps <= 0 || step >= WarmupSteps ? BaseRate : BaseRate * (step + 1) / WarmupSteps;
}
