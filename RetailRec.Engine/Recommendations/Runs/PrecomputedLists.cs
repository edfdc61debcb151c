using System.Text.Json.Serialization;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Recommendations.Serving;

namespace RetailRec.Engine.Recommendations.Runs;

/// <summary>
/// One method's precomputed top lists for every customer of a dataset, stored compactly as a run artifact: item codes,
/// descriptions, slot labels and reasons are tables, and each customer's list is indexes into them. A request is then a
/// dictionary lookup plus building at most N small records. <see cref="Cold"/> is the list for customers without history.
/// </summary>
public sealed class PrecomputedLists
{
    public required string Method { get; init; }
    public required string[] CustomerIds { get; init; }
    public required string[] ItemCodes { get; init; }
    public required string[] Descriptions { get; init; }
    /// <summary>Slot names ("Similar", "Paired", ...) or the method name.</summary>
    public required string[] Labels { get; init; }
    public required string[] Reasons { get; init; }
    /// <summary>Per customer row, per rank: item index, score, label index, reason index.</summary>
    public required int[][] Items { get; init; }
    public required float[][] Scores { get; init; }
    public required int[][] LabelIds { get; init; }
    public required int[][] ReasonIds { get; init; }
    public required PrecomputedRow Cold { get; init; }

    private Dictionary<string, int>? _rows;

    [JsonIgnore] public int Count => Items.Length == 0 ? Cold.Items.Length : Items.Max(l => l.Length);

    public int? RowOf(string customerId)
    {
        // Built once per deserialised artifact (RunStore caches the instance); a race only builds it twice.
        var rows = _rows ??= CustomerIds.Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i, StringComparer.Ordinal);
        return rows.TryGetValue(customerId, out var r) ? r : null;
    }

    public IReadOnlyList<RecommendedItem> ForRow(int row, int n) => Materialize(Items[row], Scores[row], LabelIds[row], ReasonIds[row], n);

    public IReadOnlyList<RecommendedItem> ColdList(int n) => Materialize(Cold.Items, Cold.Scores, Cold.LabelIds, Cold.ReasonIds, n);

    private RecommendedItem[] Materialize(int[] items, float[] scores, int[] labels, int[] reasons, int n)
    {
        var k = Math.Min(n, items.Length);
        var result = new RecommendedItem[k];
        for (var r = 0; r < k; r++)
        {
            var i = items[r];
            result[r] = new RecommendedItem(i, ItemCodes[i], Descriptions[i], scores[r], Labels[labels[r]], Reasons[reasons[r]]);
        }
        return result;
    }

    /// <summary>Packs per-customer lists (index = customer index of <paramref name="log"/>) and the cold list.</summary>
    public static PrecomputedLists Build(string method, RetailLog log, IReadOnlyList<IReadOnlyList<RecommendedItem>> lists,
        IReadOnlyList<RecommendedItem> cold)
    {
        var labels = new Interner();
        var reasons = new Interner();
        PrecomputedRow Pack(IReadOnlyList<RecommendedItem> list) => new(
            list.Select(x => x.Item).ToArray(), list.Select(x => x.Score).ToArray(),
            list.Select(x => labels.Id(x.Method)).ToArray(), list.Select(x => reasons.Id(x.Reason)).ToArray());
        var rows = lists.Select(Pack).ToArray();
        var coldRow = Pack(cold);
        return new PrecomputedLists
        {
            Method = method, CustomerIds = log.CustomerIds, ItemCodes = log.ItemCodes, Descriptions = log.ItemDescriptions,
            Labels = labels.Table(), Reasons = reasons.Table(),
            Items = rows.Select(r => r.Items).ToArray(), Scores = rows.Select(r => r.Scores).ToArray(),
            LabelIds = rows.Select(r => r.LabelIds).ToArray(), ReasonIds = rows.Select(r => r.ReasonIds).ToArray(),
            Cold = coldRow,
        };
    }

    private sealed class Interner
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly List<string> _values = [];

        public int Id(string s)
        {
            if (_ids.TryGetValue(s, out var id)) return id;
            _ids[s] = _values.Count;
            _values.Add(s);
            return _values.Count - 1;
        }

        public string[] Table() => [.. _values];
    }
}

/// <summary>One packed list: item indexes, scores, label and reason ids, best first.</summary>
public sealed record PrecomputedRow(int[] Items, float[] Scores, int[] LabelIds, int[] ReasonIds);
