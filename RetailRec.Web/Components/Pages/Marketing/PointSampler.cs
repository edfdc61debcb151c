namespace RetailRec.Web.Components.Pages.Marketing;

/// <summary>
/// Caps the points sent to the browser: a scatter of 100k customers would stall Plotly, so larger sets are thinned
/// to evenly spaced rows (deterministic, so the same run always draws the same picture).
/// </summary>
public static class PointSampler
{
    public const int MaxScatterPoints = 4000;

    public static IReadOnlyList<T> Evenly<T>(IReadOnlyList<T> rows, int max = MaxScatterPoints)
    {
        if (rows.Count <= max) return rows;
        var picked = new T[max];
        for (var i = 0; i < max; i++) picked[i] = rows[(int)((long)i * rows.Count / max)];
        return picked;
    }

    /// <summary>WebGL traces draw thousands of markers without the SVG cost; small sets keep SVG (crisper, clickable).</summary>
    public static string ScatterType(int points) => points > 1500 ? "scattergl" : "scatter";
}
