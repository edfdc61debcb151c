using RetailRec.Engine.Recommendations.Serving;

namespace RetailRec.Engine.Recommendations.Runs;

/// <summary>What the UI and API can ask for: the engine's five methods plus the seven-slot list.</summary>
public enum ServingMethod
{
    Personalized,
    Segment,
    CF,
    Popular,
    All,
    SevenSlots,
}

/// <summary>Which serving path a caller wants: Auto answers from the precomputed lists when they cover the request.</summary>
public enum ServingPath
{
    Auto,
    Precomputed,
    Live,
}

/// <summary>Where an answer came from; <see cref="None"/> means no model exists yet for the dataset (training was started).</summary>
public enum ServingSource
{
    Precomputed,
    Live,
    None,
}

/// <summary>
/// One recommendation answer. <see cref="ColdStart"/> is true when the customer has no history in the dataset (they get
/// the popularity list); <see cref="Note"/> says why in words for the UI and API.
/// </summary>
public sealed record RecommendationAnswer(string CustomerId, ServingMethod Method, bool ColdStart, ServingSource Source,
    IReadOnlyList<RecommendedItem> Items, string? Note = null, int? RunId = null);

public static class ServingMethods
{
    public static RecommendationMethod? ToEngine(this ServingMethod m) => m == ServingMethod.SevenSlots ? null : (RecommendationMethod)(int)m;

    public static bool TryParse(string? text, out ServingMethod method)
    {
        method = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim().Replace("-", "").Replace("_", "");
        if (t.Equals("seven", StringComparison.OrdinalIgnoreCase) || t.Equals("sevenslot", StringComparison.OrdinalIgnoreCase)) t = "SevenSlots";
        return Domain.EnumNames.TryParse(t, out method);
    }
}
