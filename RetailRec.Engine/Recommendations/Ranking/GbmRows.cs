using Microsoft.ML;
using Microsoft.ML.Data;

namespace RetailRec.Engine.Recommendations.Ranking;

/// <summary>One training or scoring row for ML.NET (the schema's vector width is set at run time).</summary>
internal sealed class GbmRow
{
    public float Label { get; set; }
    public bool Bought { get; set; }
    public float Weight { get; set; } = 1;
    /// <summary>1-based group (customer) key; LightGBM's ranking objective needs a key-typed group column.</summary>
    public uint Group { get; set; } = 1;
    public float[] Features { get; set; } = [];
}

internal sealed class GbmOutput
{
    public float Score { get; set; }
}

internal sealed class GbmProbability
{
    public float Probability { get; set; }
}

/// <summary>Rows as a flat row-major matrix plus labels, groups and weights (the shape every caller builds).</summary>
public sealed record GbmData(float[] Values, int Width, float[] Labels, uint[]? Groups = null, float[]? Weights = null)
{
    public int Count => Labels.Length;

    internal IDataView ToDataView(MLContext ml)
    {
        var rows = new GbmRow[Count];
        var groups = Groups ?? [];
        for (var r = 0; r < rows.Length; r++)
            rows[r] = new GbmRow
            {
                Label = Labels[r], Bought = Labels[r] > 0, Weight = Weights?[r] ?? 1,
                Group = Groups is null ? 1 : groups[r] + 1,
                Features = Values.AsSpan(r * Width, Width).ToArray(),
            };
        return ml.Data.LoadFromEnumerable(rows, Schema(Width, Groups is null ? 1 : groups.Max() + 1));
    }

    internal static SchemaDefinition Schema(int width, uint groupCount)
    {
        var def = SchemaDefinition.Create(typeof(GbmRow));
        def[nameof(GbmRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        def[nameof(GbmRow.Group)].ColumnType = new KeyDataViewType(typeof(uint), Math.Max(1, groupCount));
        return def;
    }
}
