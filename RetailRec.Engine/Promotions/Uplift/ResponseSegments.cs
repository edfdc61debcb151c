namespace RetailRec.Engine.Promotions.Uplift;

public enum ResponseSegment { Persuadable, SureThing, LostCause, DoNotDisturb }

/// <summary>
/// Labels a customer from the two-model estimates: uplift above +delta -> persuadable, below -delta -> do-not-disturb;
/// otherwise a sure thing when they would likely buy either way (control probability at least <c>likely</c>), else a lost cause.
/// </summary>
public static class ResponseSegments
{
    public static ResponseSegment Label(double pTreated, double pControl, double delta = 0.05, double likely = 0.25)
    {
        var uplift = pTreated - pControl;
        if (uplift > delta) return ResponseSegment.Persuadable;
        if (uplift < -delta) return ResponseSegment.DoNotDisturb;
        return Math.Min(pTreated, pControl) >= likely ? ResponseSegment.SureThing : ResponseSegment.LostCause;
    }
}
