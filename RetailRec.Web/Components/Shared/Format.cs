using System.Globalization;

namespace RetailRec.Web.Components.Shared;

/// <summary>Display formats used across pages (one culture: figures look the same for every visitor).</summary>
public static class Format
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    public static string Money(double v) => Math.Abs(v) >= 1e6
        ? "£" + (v / 1e6).ToString("#,0.00", Culture) + "M"
        : v.ToString("£#,0", Culture);
    public static string MonthRange(DateTime? from, DateTime? to) =>
        from is null || to is null ? "–" : $"{from.Value.ToString("MMM yyyy", Culture)} – {to.Value.ToString("MMM yyyy", Culture)}";
    public static string Count(long v) => v.ToString("#,0", Culture);
    public static string Percent(double fraction) => fraction.ToString("0.0%", Culture);
    public static string Date(DateTime? d) => d?.ToString("d MMM yyyy", Culture) ?? "–";
    public static string DateTime(DateTime? d) => d?.ToLocalTime().ToString("d MMM yyyy HH:mm", Culture) ?? "–";

    public static string Duration(TimeSpan? t) => t is null ? "–"
        : t.Value.TotalSeconds < 60 ? $"{t.Value.TotalSeconds:0.0} s"
        : $"{(int)t.Value.TotalMinutes} min {t.Value.Seconds} s";
}
