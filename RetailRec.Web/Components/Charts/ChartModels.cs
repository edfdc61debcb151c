using System.Text.Json.Serialization;

namespace RetailRec.Web.Components.Charts;

// Typed subset of Plotly's trace and layout schema: only what RetailRec's pages use. Property names are
// serialised as Plotly expects them (snake_case where Plotly uses it); nulls are omitted.

public sealed record ChartTrace
{
    [JsonPropertyName("type")] public string Type { get; init; } = "scatter";
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("x")] public IReadOnlyList<object?>? X { get; init; }
    [JsonPropertyName("y")] public IReadOnlyList<object?>? Y { get; init; }
    [JsonPropertyName("text")] public IReadOnlyList<string>? Text { get; init; }
    [JsonPropertyName("customdata")] public IReadOnlyList<string>? CustomData { get; init; }
    [JsonPropertyName("mode")] public string? Mode { get; init; }
    [JsonPropertyName("orientation")] public string? Orientation { get; init; }
    [JsonPropertyName("marker")] public ChartMarker? Marker { get; init; }
    [JsonPropertyName("line")] public ChartLine? Line { get; init; }
    [JsonPropertyName("hovertemplate")] public string? HoverTemplate { get; init; }
    [JsonPropertyName("yaxis")] public string? YAxis { get; init; }
    [JsonPropertyName("nbinsx")] public int? BinsX { get; init; }
    [JsonPropertyName("showlegend")] public bool? ShowLegend { get; init; }
    [JsonPropertyName("fill")] public string? Fill { get; init; }
    [JsonPropertyName("error_y")] public ChartErrorBar? ErrorY { get; init; }
    [JsonPropertyName("textposition")] public string? TextPosition { get; init; }
    [JsonPropertyName("hoverinfo")] public string? HoverInfo { get; init; }
}

/// <summary>Plotly error bars (error_y); RetailRec draws target bands with them.</summary>
public sealed record ChartErrorBar
{
    [JsonPropertyName("type")] public string Type { get; init; } = "data";
    [JsonPropertyName("symmetric")] public bool? Symmetric { get; init; }
    [JsonPropertyName("array")] public IReadOnlyList<double>? Array { get; init; }
    [JsonPropertyName("arrayminus")] public IReadOnlyList<double>? ArrayMinus { get; init; }
    [JsonPropertyName("color")] public string? Color { get; init; }
    [JsonPropertyName("thickness")] public double? Thickness { get; init; }
    [JsonPropertyName("width")] public double? Width { get; init; }
}

public sealed record ChartMarker
{
    [JsonPropertyName("color")] public object? Color { get; init; }
    [JsonPropertyName("size")] public object? Size { get; init; }
    [JsonPropertyName("sizemode")] public string? SizeMode { get; init; }
    [JsonPropertyName("sizeref")] public double? SizeRef { get; init; }
    [JsonPropertyName("opacity")] public double? Opacity { get; init; }
    [JsonPropertyName("colorscale")] public string? ColorScale { get; init; }
    [JsonPropertyName("symbol")] public string? Symbol { get; init; }
    [JsonPropertyName("line")] public ChartLine? Line { get; init; }
}

public sealed record ChartLine
{
    [JsonPropertyName("color")] public string? Color { get; init; }
    [JsonPropertyName("width")] public double? Width { get; init; }
    [JsonPropertyName("dash")] public string? Dash { get; init; }
    [JsonPropertyName("shape")] public string? Shape { get; init; }
}

public sealed record ChartAxis
{
    [JsonPropertyName("title")] public ChartTitle? Title { get; init; }
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("tickformat")] public string? TickFormat { get; init; }
    [JsonPropertyName("automargin")] public bool AutoMargin { get; init; } = true;
    [JsonPropertyName("overlaying")] public string? Overlaying { get; init; }
    [JsonPropertyName("side")] public string? Side { get; init; }
    [JsonPropertyName("range")] public double[]? Range { get; init; }
    [JsonPropertyName("showgrid")] public bool? ShowGrid { get; init; }
    [JsonPropertyName("tickvals")] public IReadOnlyList<double>? TickVals { get; init; }
    [JsonPropertyName("zeroline")] public bool? ZeroLine { get; init; }

    public static ChartAxis Titled(string text) => new() { Title = new ChartTitle(text) };
}

public sealed record ChartTitle([property: JsonPropertyName("text")] string Text);

public sealed record ChartLayout
{
    [JsonPropertyName("title")] public ChartTitle? Title { get; init; }
    [JsonPropertyName("xaxis")] public ChartAxis? XAxis { get; init; }
    [JsonPropertyName("yaxis")] public ChartAxis? YAxis { get; init; }
    [JsonPropertyName("yaxis2")] public ChartAxis? YAxis2 { get; init; }
    [JsonPropertyName("barmode")] public string? BarMode { get; init; }
    [JsonPropertyName("showlegend")] public bool? ShowLegend { get; init; }
    [JsonPropertyName("legend")] public object? Legend { get; init; }
    [JsonPropertyName("hovermode")] public string? HoverMode { get; init; }
    [JsonPropertyName("colorway")] public IReadOnlyList<string>? Colorway { get; init; } = ChartPalette.Colors;
}

/// <summary>A click or hover on a data point, sent back from the browser.</summary>
public sealed record ChartPoint(int TraceIndex, int PointIndex, string? X, string? Y, string? Label, string? CustomData);

public static class ChartPalette
{
    /// <summary>One palette for every chart, so a segment or class has the same colour on every page.</summary>
    public static readonly IReadOnlyList<string> Colors =
        ["#3b6fd8", "#f08c2e", "#2fa37a", "#d6455d", "#8a5cc7", "#18a0b4", "#c9a227", "#6b7a90", "#e36fb0", "#5a8f29"];

    public const string Fast = "#2fa37a";
    public const string Slow = "#f0a22e";
    public const string Dead = "#c8414b";
}
